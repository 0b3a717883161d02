package dev.termvault.sync.server.http;

import dev.termvault.sync.server.ApiException;
import io.javalin.http.Context;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Request bodies sent with {@code Content-Encoding: gzip}. Every answer says {@code Accept-Encoding: gzip}
 * (RFC 7694), so a client compresses only after a server has said it can read it, and older servers keep
 * getting plain bodies. The inflated body is held to the same size limit as a plain one, counted while
 * inflating, so a small compressed body cannot expand without bound.
 */
final class RequestBodies {

    private static final String LIMIT = "termvault.maxBodyBytes";

    private RequestBodies() {
    }

    /** Says on the answer that gzip request bodies are read, and keeps the size limit for {@link #decoded}. */
    static void announce(Context ctx, long maxBodyBytes) {
        ctx.header("Accept-Encoding", "gzip");
        ctx.attribute(LIMIT, maxBodyBytes);
    }

    /**
     * The request body, inflated when it came gzip-compressed.
     *
     * @throws ApiException.UnsupportedMediaType for a content coding other than gzip or identity
     * @throws ApiException.PayloadTooLarge when the inflated body passes the size limit
     * @throws ApiException.BadRequest when the body is not valid gzip
     */
    static byte[] decoded(Context ctx) {
        String coding = ctx.header("Content-Encoding");
        byte[] raw = ctx.bodyAsBytes();
        if (coding == null || coding.isBlank() || coding.strip().equalsIgnoreCase("identity")) {
            return raw;
        }
        if (!coding.strip().toLowerCase(Locale.ROOT).equals("gzip")) {
            throw new ApiException.UnsupportedMediaType("the request body's Content-Encoding must be gzip or identity");
        }
        Long limit = ctx.attribute(LIMIT);
        return inflate(raw, limit == null ? raw.length : limit);
    }

    static byte[] inflate(byte[] gzip, long limit) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, gzip.length * 2));
            byte[] buffer = new byte[8192];
            long total = 0;
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                if (total > limit) {
                    throw new ApiException.PayloadTooLarge("the request body is larger than " + limit
                            + " bytes once inflated");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new ApiException.BadRequest("the request body is not valid gzip");
        }
    }
}
