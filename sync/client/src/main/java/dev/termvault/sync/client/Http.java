package dev.termvault.sync.client;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.termvault.sync.protocol.ApiError;
import java.io.IOException;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/** JSON over the pinned OkHttp client: one call, its error mapped into the {@link SyncException} family. */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final MediaType JSON_TYPE = MediaType.get("application/json");

    private final OkHttpClient client;
    private final HttpUrl base;

    Http(OkHttpClient client, HttpUrl base) {
        this.client = client;
        this.base = base;
    }

    OkHttpClient client() {
        return client;
    }

    HttpUrl url(String path) {
        HttpUrl url = base.resolve(path);
        if (url == null) {
            throw new IllegalArgumentException("bad path");
        }
        return url;
    }

    /**
     * Sends {@code body} (null: none) as JSON and reads the answer as {@code type} (null: ignore it).
     *
     * @throws SyncException.Offline on a transport failure or an unreadable answer
     * @throws SyncException.Rejected on a 4xx or 5xx answer
     */
    <T> T call(String method, HttpUrl url, String token, Object body, Class<T> type) {
        Request.Builder request = new Request.Builder().url(url);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            RequestBody requestBody = body == null ? (method.equals("GET") ? null : RequestBody.create(new byte[0],
                    JSON_TYPE)) : RequestBody.create(JSON.writeValueAsBytes(body), JSON_TYPE);
            request.method(method, requestBody);
            try (Response response = client.newCall(request.build()).execute()) {
                ResponseBody responseBody = response.body();
                byte[] bytes = responseBody.bytes();
                if (!response.isSuccessful()) {
                    throw rejected(response.code(), bytes);
                }
                return type == null ? null : JSON.readValue(bytes, type);
            }
        } catch (IOException e) {
            throw new SyncException.Offline("The sync server could not be reached or answered badly", e);
        }
    }

    private static SyncException.Rejected rejected(int status, byte[] body) {
        try {
            ApiError error = JSON.readValue(body, ApiError.class);
            return new SyncException.Rejected(status, error.code(), error.message());
        } catch (IOException | RuntimeException e) {
            return new SyncException.Rejected(status, "unknown", null);
        }
    }
}
