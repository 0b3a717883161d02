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
 * The change feed is negotiated: a client that sends {@code Accept-Encoding: gzip} gets the page gzip-compressed
 * (base64 of random envelope bytes packs back to about its raw size), one that does not gets plain JSON, and
 * both decode to the same page. Counted on the wire (the body bytes as received).
 */
class ChangeFeedEncodingTest {
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
}
