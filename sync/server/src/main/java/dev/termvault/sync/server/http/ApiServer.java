package dev.termvault.sync.server.http;

import dev.termvault.sync.protocol.ApiError;
import dev.termvault.sync.protocol.ErrorCode;
import dev.termvault.sync.protocol.Health;
import dev.termvault.sync.server.ApiException;
import dev.termvault.sync.server.Role;
import dev.termvault.sync.server.metrics.Metrics;
import dev.termvault.sync.server.store.ServerStoreException;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import io.javalin.router.Endpoint;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnector;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP layer shared by all roles: Javalin on virtual threads behind TLS, the one exception-to-JSON
 * mapping, body-size and content-type checks, {@code /health}, {@code /metrics}, and one structured access
 * log line per request (method, route template, status, time; never a header, a token, a query or a body).
 */
public final class ApiServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    private static final Logger ACCESS = LoggerFactory.getLogger("dev.termvault.sync.server.access");

    private static final String COUNTED = "termvault.inFlight";

    private final Javalin app;
    private final AtomicInteger inFlight;
    private final AtomicBoolean stopping;

    private ApiServer(Javalin app, AtomicInteger inFlight, AtomicBoolean stopping) {
        this.app = app;
        this.inFlight = inFlight;
        this.stopping = stopping;
    }

    /** Builds and starts the server with every role's routes mounted. */
    public static ApiServer start(HttpSettings settings, List<Role> roles, Metrics metrics, String version) {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicBoolean stopping = new AtomicBoolean();
        Javalin app = Javalin.create(config -> configure(config, settings, roles, metrics, version, inFlight,
                stopping));
        app.start(settings.host(), settings.port());
        return new ApiServer(app, inFlight, stopping);
    }

    /**
     * Closes the listening sockets (no new connection is accepted) and answers every new request on an
     * open connection with {@code 503 unavailable} and {@code Connection: close}; requests already in
     * flight go on.
     */
    public void stopAccepting() {
        stopping.set(true);
        for (Connector connector : app.jettyServer().server().getConnectors()) {
            if (connector instanceof NetworkConnector network) {
                network.close();
            }
        }
    }

    /**
     * Waits until no request is in flight, or {@code timeout} passed.
     *
     * @return whether it became idle
     */
    public boolean awaitIdle(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (inFlight.get() > 0) {
            if (System.nanoTime() > deadline) {
                LOG.warn("event=shutdown_requests_in_flight count={}", inFlight.get());
                return false;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    public int port() {
        return app.port();
    }

    private static void configure(JavalinConfig config, HttpSettings settings, List<Role> roles, Metrics metrics,
                                  String version, AtomicInteger inFlight, AtomicBoolean stopping) {
        config.concurrency.useVirtualThreads = true;
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.http.maxRequestSize = settings.maxBodyBytes();
        config.http.defaultContentType = "application/json";
        // Answers of 1,500 bytes or more go gzip-compressed to clients that send Accept-Encoding: gzip (the
        // change feed's base64 envelopes pack back to about their raw size); others get them as they are.
        config.http.compressionStrategy = CompressionStrategy.GZIP;
        config.jsonMapper(new JavalinJackson(Json.mapper(), true));
        if (settings.tls() != null) {
            config.jetty.addConnector((server, httpConfig) -> tlsConnector(server, httpConfig, settings));
        }
        config.requestLogger.http((ctx, ms) -> {
            if (ctx.attribute(COUNTED) != null) {
                inFlight.decrementAndGet();
            }
            logRequest(ctx, ms, metrics);
        });

        config.routes.before(ctx -> {
            inFlight.incrementAndGet();
            ctx.attribute(COUNTED, Boolean.TRUE);
            if (stopping.get()) {
                ctx.header("Connection", "close");
                throw new ApiException.Unavailable("the server is stopping; try again later");
            }
        });
        config.routes.before(ctx -> {
            checkBodySize(ctx, settings.maxBodyBytes());
            RequestBodies.announce(ctx, settings.maxBodyBytes());
        });
        mapFailures(config);

        config.routes.get("/health", ctx -> {
            boolean ok = roles.stream().allMatch(Role::healthy);
            ctx.status(ok ? 200 : 503).json(new Health(ok ? "ok" : "degraded",
                    roles.stream().map(Role::name).toList(), version));
        });
        if (settings.metricsEnabled()) {
            config.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                    .result(metrics.render()));
        }
        for (Role role : roles) {
            role.routes(config.routes);
        }
    }

    /** Every failure becomes the JSON {@code ApiError} with a stable code; the details go to the log only. */
    private static void mapFailures(JavalinConfig config) {
        config.routes.exception(ApiException.class, (e, ctx) -> answer(ctx, e.code(), e.getMessage(),
                e.retryAfterSeconds()));
        config.routes.exception(HttpResponseException.class, (e, ctx) -> answer(ctx, fromStatus(e.getStatus()),
                safeJavalinMessage(e.getStatus()), null));
        config.routes.exception(ServerStoreException.class, (e, ctx) -> {
            LOG.error("event=store_failure route={} message={}", route(ctx), e.getMessage());
            answer(ctx, ErrorCode.UNAVAILABLE, "the server's store is not available; try again later", null);
        });
        // The connection broke mid-request (the client went away, or the server is stopping): there is no
        // one left to answer, and nothing failed on the server's side.
        config.routes.exception(java.io.IOException.class, (e, ctx) ->
                LOG.debug("event=connection_lost route={}", route(ctx)));
        config.routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("event=unexpected_failure route={} type={}", route(ctx), e.getClass().getName());
            answer(ctx, ErrorCode.INTERNAL, "the server failed; try again later", null);
        });
    }

    private static ServerConnector tlsConnector(Server server, HttpConfiguration httpConfig, HttpSettings settings) {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStore(settings.tls().keyStore());
        ssl.setKeyStorePassword(new String(settings.tls().keyStorePassword()));
        ssl.setCertAlias(dev.termvault.sync.server.tls.TlsMaterial.ALIAS);
        ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
        ssl.setSniRequired(false);
        HttpConfiguration https = new HttpConfiguration(httpConfig);
        SecureRequestCustomizer src = new SecureRequestCustomizer();
        src.setSniHostCheck(false);
        https.addCustomizer(src);
        ServerConnector connector = new ServerConnector(server,
                new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(https));
        connector.setHost(settings.host());
        connector.setPort(settings.port());
        return connector;
    }

    private static void checkBodySize(Context ctx, long max) {
        long length = ctx.req().getContentLengthLong();
        if (length > max) {
            throw new ApiException.PayloadTooLarge("the request body is larger than " + max + " bytes");
        }
    }

    /** Writes the one JSON error body. */
    public static void answer(Context ctx, ErrorCode code, String message, Integer retryAfterSeconds) {
        if (retryAfterSeconds != null) {
            ctx.header("Retry-After", String.valueOf(retryAfterSeconds));
        }
        ctx.status(code.status()).json(new ApiError(code.wire(), message, retryAfterSeconds));
    }

    private static ErrorCode fromStatus(int status) {
        return switch (status) {
            case 401 -> ErrorCode.UNAUTHORIZED;
            case 403 -> ErrorCode.FORBIDDEN;
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 409 -> ErrorCode.CONFLICT;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            case 429 -> ErrorCode.RATE_LIMITED;
            case 503 -> ErrorCode.UNAVAILABLE;
            default -> status >= 500 ? ErrorCode.INTERNAL : ErrorCode.BAD_REQUEST;
        };
    }

    private static String safeJavalinMessage(int status) {
        return switch (status) {
            case 404 -> "no such endpoint";
            case 405 -> "method not allowed on this endpoint";
            case 413 -> "the request body is too large";
            default -> status >= 500 ? "the server failed; try again later" : "bad request";
        };
    }

    private static void logRequest(Context ctx, Float ms, Metrics metrics) {
        String route = route(ctx);
        int status = ctx.statusCode();
        metrics.increment("termvault_http_requests_total", "HTTP requests by route and status",
                "method", ctx.method().name(), "route", route, "status", String.valueOf(status));
        metrics.observe("termvault_http_request_duration_seconds", "HTTP request latency",
                ms == null ? 0 : ms / 1000.0, "route", route);
        ACCESS.info("event=request method={} route={} status={} ms={}", ctx.method().name(), route, status,
                ms == null ? 0 : Math.round(ms));
    }

    private static String route(Context ctx) {
        Endpoint e = ctx.endpoints().matchedHttpEndpoint();
        return e == null ? "unmatched" : e.path;
    }

    @Override
    public void close() {
        app.stop();
    }
}
