package dev.termvault.sync.client;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs each call at debug level: method, path, status and time. Never a body, a query value, or a header
 * value: the Authorization header shows as {@code ██}.
 */
final class RedactedLogging implements Interceptor {

    private static final Logger LOG = LoggerFactory.getLogger(RedactedLogging.class);

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        long start = System.nanoTime();
        if (!LOG.isDebugEnabled()) {
            return chain.proceed(request);
        }
        String auth = request.header("Authorization") == null ? "" : " Authorization: ██";
        try {
            Response response = chain.proceed(request);
            LOG.debug("{} {}{} -> {} in {} ms", request.method(), request.url().encodedPath(), auth, response.code(),
                    (System.nanoTime() - start) / 1_000_000);
            return response;
        } catch (IOException e) {
            LOG.debug("{} {}{} -> failed ({})", request.method(), request.url().encodedPath(), auth,
                    e.getClass().getSimpleName());
            throw e;
        }
    }
}
