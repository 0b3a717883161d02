package dev.termvault.sync.client;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.Buffer;
import okio.BufferedSink;
import okio.GzipSink;
import okio.Okio;

/**
 * Sends request bodies of {@value #MIN_BYTES} bytes or more gzip-compressed, but only to a server that has
 * said it reads them ({@code Accept-Encoding: gzip} on an earlier answer, RFC 7694); until then, and for
 * servers that never say so, bodies go as they are. Installed after any other interceptor, so those see the
 * plain body.
 */
final class GzipRequestBodies implements Interceptor {

    static final int MIN_BYTES = 1024;

    private volatile boolean serverReadsGzip;

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        RequestBody body = request.body();
        if (serverReadsGzip && body != null && request.header("Content-Encoding") == null
                && body.contentLength() >= MIN_BYTES) {
            request = request.newBuilder().header("Content-Encoding", "gzip")
                    .method(request.method(), gzip(body)).build();
        }
        Response response = chain.proceed(request);
        String accepted = response.header("Accept-Encoding");
        if (accepted != null && accepted.toLowerCase(java.util.Locale.ROOT).contains("gzip")) {
            serverReadsGzip = true;
        }
        return response;
    }

    private static RequestBody gzip(RequestBody body) throws IOException {
        Buffer packed = new Buffer();
        try (BufferedSink sink = Okio.buffer(new GzipSink(packed))) {
            body.writeTo(sink);
        }
        return RequestBody.create(packed.readByteArray(), body.contentType());
    }
}
