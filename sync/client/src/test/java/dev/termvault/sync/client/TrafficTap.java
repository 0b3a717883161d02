package dev.termvault.sync.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import okio.Buffer;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * A test interceptor: records every request and response (headers and body) of a client, and can rewrite
 * a JSON answer on its way back, as a lying server would.
 */
final class TrafficTap implements Interceptor {

    final List<String> captured = new CopyOnWriteArrayList<>();
    private volatile String rewritePath;
    private volatile BiFunction<Request, JsonNode, JsonNode> rewrite;

    /** Rewrites JSON answers of requests whose path ends with {@code pathSuffix} (null: stop rewriting). */
    void rewrite(String pathSuffix, BiFunction<Request, JsonNode, JsonNode> function) {
        this.rewritePath = pathSuffix;
        this.rewrite = function;
    }

    void stopRewriting() {
        rewrite(null, null);
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        StringBuilder sent = new StringBuilder(request.method() + " " + request.url() + "\n" + request.headers());
        if (request.body() != null) {
            Buffer buffer = new Buffer();
            request.body().writeTo(buffer);
            sent.append(buffer.readString(StandardCharsets.UTF_8));
        }
        captured.add(sent.toString());
        Response response = chain.proceed(request);
        byte[] body = response.body().bytes();
        String suffix = rewritePath;
        BiFunction<Request, JsonNode, JsonNode> function = rewrite;
        if (function != null && suffix != null && request.url().encodedPath().endsWith(suffix)
                && response.isSuccessful()) {
            JsonNode rewritten = function.apply(request, Http.JSON.readTree(body));
            body = Http.JSON.writeValueAsBytes(rewritten);
        }
        captured.add(response.code() + "\n" + response.headers() + new String(body, StandardCharsets.UTF_8));
        return response.newBuilder().body(ResponseBody.create(body, MediaType.get("application/json"))).build();
    }
}
