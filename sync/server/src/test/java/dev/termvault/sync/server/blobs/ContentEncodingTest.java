package dev.termvault.sync.server.blobs;

import static dev.termvault.sync.server.support.BlobClient.put;
import static org.assertj.core.api.Assertions.assertThat;

import dev.termvault.sync.protocol.blobs.ChangePage;
import dev.termvault.sync.server.support.BlobClient;
import dev.termvault.sync.server.support.BlobServer;
import dev.termvault.sync.server.support.PinnedHttp;
import dev.termvault.sync.server.support.TestTokens;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compression in both directions, negotiated so that older clients and servers keep working. Answers: a client
 * that sends {@code Accept-Encoding: gzip} gets the change page gzip-compressed (base64 of random envelope bytes
 * packs back to about its raw size), one that does not gets plain JSON, and both decode to the same page.
 * Requests: every answer says {@code Accept-Encoding: gzip}; a gzip body is read like a plain one, and one that
 * inflates past the body limit, is not gzip, or uses another coding is refused.
 */
class ContentEncodingTest {
    @TempDir
    Path dir;
    private final List<AutoCloseable> cleanup = new ArrayList<>();
    private BlobServer server;

    @AfterEach
    void tearDown() throws Exception {
        if (server != null) {
            server.close();
        }
        for (AutoCloseable c : cleanup.reversed()) {
            c.close();
        }
    }

    @Test
    void changePage_isGzippedWhenAccepted_andPlainJsonOtherwise_withTheSameContent() throws Exception {
        TestTokens tokens = new TestTokens();
        server = new BlobServer(dir, tokens);
        BlobClient device = new BlobClient(server.http(), tokens.access("acct-1", "laptop"));
        device.createVaultOk("vault-1");
        Random random = new Random(3);
        int records = 100;
        int envelopeBytes = 684;
        for (int i = 0; i < records; i++) {
            byte[] envelope = new byte[envelopeBytes];
            random.nextBytes(envelope);
            device.push("vault-1", put("r" + i, 0, envelope));
        }
        PinnedHttp http = server.http();
        String path = "/v1/vaults/vault-1/changes?after=0&limit=1000";

        HttpResponse<byte[]> plain = http.client().send(http.request(path, device.token()).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> gzipped = http.client().send(http.request(path, device.token())
                .header("Accept-Encoding", "gzip").GET().build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(gzipped.statusCode()).isEqualTo(200);
        assertThat(gzipped.headers().firstValue("Content-Encoding")).contains("gzip");
        byte[] inflated;
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
            inflated = in.readAllBytes();
        }
        ChangePage fromPlain = PinnedHttp.JSON.readValue(plain.body(), ChangePage.class);
        ChangePage fromGzip = PinnedHttp.JSON.readValue(inflated, ChangePage.class);
        assertThat(fromGzip.changes()).hasSize(records);
        assertThat(fromGzip.cursor()).isEqualTo(fromPlain.cursor());
        for (int i = 0; i < records; i++) {
            assertThat(fromGzip.changes().get(i).envelope()).isEqualTo(fromPlain.changes().get(i).envelope());
        }
        // Plain JSON carries base64 (4/3) and field names; gzip brings it back close to the envelope bytes.
        assertThat(plain.body().length).isGreaterThan(records * envelopeBytes * 4 / 3);
        assertThat(gzipped.body().length).isLessThan(records * (envelopeBytes * 12 / 10 + 100));
    }

    private static byte[] gzip(byte[] bytes) throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    private HttpResponse<String> post(BlobClient device, String path, String encoding, byte[] body) {
        HttpRequest.Builder request = server.http().request(path, device.token())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (encoding != null) {
            request.header("Content-Encoding", encoding);
        }
        return server.http().send(request.build());
    }

    @Test
    void gzipRequestBody_isReadLikeAPlainOne_andEveryAnswerSaysGzipIsAccepted() throws Exception {
        TestTokens tokens = new TestTokens();
        server = new BlobServer(dir, tokens);
        BlobClient device = new BlobClient(server.http(), tokens.access("acct-1", "laptop"));
        device.createVaultOk("vault-1");
        byte[] envelope = new byte[684];
        new Random(5).nextBytes(envelope);
        byte[] json = PinnedHttp.JSON.writeValueAsBytes(new dev.termvault.sync.protocol.blobs.PushRequest(
                List.of(put("r1", 0, envelope))));

        HttpResponse<String> pushed = post(device, "/v1/vaults/vault-1/changes", "gzip", gzip(json));

        assertThat(pushed.statusCode()).as(pushed.body()).isEqualTo(200);
        assertThat(pushed.headers().firstValue("Accept-Encoding")).contains("gzip");
        assertThat(device.pull("vault-1", 0, 10).changes().get(0).envelope()).isEqualTo(envelope);
    }

    @Test
    void gzipRequestBody_inflatingPastTheLimit_notGzip_orAnotherCoding_isRefused() throws Exception {
        TestTokens tokens = new TestTokens();
        server = new BlobServer(dir, tokens, dev.termvault.sync.server.support.Backend.SQLITE, cleanup,
                java.util.Map.of("server.maxBodyBytes", "65536"));
        BlobClient device = new BlobClient(server.http(), tokens.access("acct-1", "laptop"));
        device.createVaultOk("vault-1");
        byte[] bomb = new byte[10 * 1024 * 1024];
        java.util.Arrays.fill(bomb, (byte) ' ');
        bomb[0] = '{';
        bomb[bomb.length - 1] = '}';
        byte[] packedBomb = gzip(bomb);
        assertThat(packedBomb.length).isLessThan(65536);

        HttpResponse<String> tooLarge = post(device, "/v1/vaults/vault-1/changes", "gzip", packedBomb);
        HttpResponse<String> notGzip = post(device, "/v1/vaults/vault-1/changes", "gzip",
                "{\"changes\": []}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        HttpResponse<String> brotli = post(device, "/v1/vaults/vault-1/changes", "br", new byte[] {1, 2, 3});

        assertThat(tooLarge.statusCode()).as(tooLarge.body()).isEqualTo(413);
        assertThat(tooLarge.body()).contains("payload_too_large");
        assertThat(notGzip.statusCode()).as(notGzip.body()).isEqualTo(400);
        assertThat(notGzip.body()).contains("not valid gzip");
        assertThat(brotli.statusCode()).as(brotli.body()).isEqualTo(415);
        assertThat(device.pull("vault-1", 0, 10).changes()).isEmpty();
    }
}
