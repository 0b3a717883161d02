package dev.termvault.sync.server.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.termvault.sync.protocol.blobs.ChangePage;
import dev.termvault.sync.protocol.blobs.CreateVaultRequest;
import dev.termvault.sync.protocol.blobs.PushItem;
import dev.termvault.sync.protocol.blobs.PushRequest;
import dev.termvault.sync.protocol.blobs.PushResponse;
import java.net.http.HttpResponse;
import java.util.List;

/** A device talking to the blob service in tests: one account, one token. */
public record BlobClient(PinnedHttp http, String token) {

    public HttpResponse<String> createVault(String vaultId) {
        return http.sendJson("POST", "/v1/vaults", token, new CreateVaultRequest(vaultId));
    }

    public void createVaultOk(String vaultId) {
        assertThat(createVault(vaultId).statusCode()).isIn(200, 201);
    }

    public HttpResponse<String> pushRaw(String vaultId, PushItem... items) {
        return http.sendJson("POST", "/v1/vaults/" + vaultId + "/changes", token, new PushRequest(List.of(items)));
    }

    public PushResponse push(String vaultId, PushItem... items) {
        HttpResponse<String> r = pushRaw(vaultId, items);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return PinnedHttp.read(r, PushResponse.class);
    }

    public HttpResponse<String> pullRaw(String vaultId, long after, int limit) {
        return http.get("/v1/vaults/" + vaultId + "/changes?after=" + after + "&limit=" + limit, token);
    }

    public ChangePage pull(String vaultId, long after, int limit) {
        HttpResponse<String> r = pullRaw(vaultId, after, limit);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return PinnedHttp.read(r, ChangePage.class);
    }

    public static PushItem put(String recordId, long base, byte[] envelope) {
        return new PushItem(recordId, base, base + 1, envelope, false);
    }

    public static PushItem delete(String recordId, long base) {
        return new PushItem(recordId, base, base + 1, null, true);
    }
}
