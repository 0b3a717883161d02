package dev.termvault.sync.client;

import dev.termvault.sync.server.tls.TlsMaterial;
import dev.termvault.sync.server.tls.TlsMaterials;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;

/**
 * A proxy in front of the real server that fails on purpose. It can be taken down (every connection cut,
 * new ones refused: a long offline period) and, with a fault rate, it injects faults at random.
 *
 * <p>As a plain TCP proxy ({@link #tcp}) TLS passes through it, so it can only cut or stall the encrypted
 * stream. Terminating TLS ({@link #terminatingTls}) it has its own certificate, which the clients pin
 * ({@link #fingerprint()}), reads each HTTP request and re-encrypts towards the server; so it can also
 * answer a request with a 5xx itself and cut a response body in the middle. {@link #injected} counts every
 * fault of each kind, so a test can show that each kind happened.
 */
final class FaultyProxy implements AutoCloseable {

    /** The kinds of fault. */
    enum Fault {
        /** The connection closed at a request, without an answer. */
        DROP,
        /** The connection reset (TCP RST) at a request. */
        RESET,
        /** A chunk held back for a random time before it is forwarded. */
        DELAY,
        /** A 500, 502 or 503 answered by the proxy instead of the server (terminating mode only). */
        SERVER_ERROR,
        /** A response cut in the middle (in terminating mode, in its body when the chunk holds one). */
        TRUNCATED
    }

    private static final int[] ERROR_STATUSES = {500, 502, 503};
    private static final int MAX_HEAD = 64 * 1024;

    private final ServerSocket listener;
    private final InetSocketAddress target;
    private final SSLContext upstreamTls;
    private final String fingerprint;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Random random = new Random(42);
    private final Map<Fault, AtomicInteger> injected = new EnumMap<>(Fault.class);
    private volatile boolean down;
    private volatile double faultRate;
    private volatile int maxDelayMillis = 400;
    private volatile boolean closed;

    private FaultyProxy(int targetPort, TlsMaterial own, String serverFingerprint) throws IOException {
        this.target = new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort);
        for (Fault f : Fault.values()) {
            injected.put(f, new AtomicInteger());
        }
        if (own == null) {
            this.upstreamTls = null;
            this.fingerprint = serverFingerprint;
            this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } else {
            try {
                KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keys.init(own.keyStore(), own.keyStorePassword());
                SSLContext serverSide = SSLContext.getInstance("TLS");
                serverSide.init(keys.getKeyManagers(), null, null);
                this.listener = serverSide.getServerSocketFactory().createServerSocket(0, 50,
                        InetAddress.getLoopbackAddress());
                ((SSLServerSocket) listener).setEnabledProtocols(new String[] {"TLSv1.3"});
                this.upstreamTls = SSLContext.getInstance("TLS");
                upstreamTls.init(null, new TrustManager[] {new PinnedCertificateTrustManager(serverFingerprint)},
                        null);
            } catch (GeneralSecurityException e) {
                throw new IOException("TLS is not available", e);
            }
            this.fingerprint = own.fingerprint();
        }
        Thread.ofPlatform().daemon().name("faulty-proxy").start(this::accept);
    }

    /** A TCP proxy: TLS passes through; the clients keep pinning the server's certificate. */
    static FaultyProxy tcp(int targetPort, String serverFingerprint) throws IOException {
        return new FaultyProxy(targetPort, null, serverFingerprint);
    }

    /**
     * A proxy that terminates TLS with its own certificate (made in {@code dir}) and opens a new TLS
     * connection to the server, pinning the server's certificate.
     */
    static FaultyProxy terminatingTls(int targetPort, String serverFingerprint, Path dir) throws IOException {
        try {
            return new FaultyProxy(targetPort, TlsMaterials.selfSigned(dir), serverFingerprint);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot make the proxy's certificate", e);
        }
    }

    int port() {
        return listener.getLocalPort();
    }

    /** The certificate fingerprint clients of this proxy pin. */
    String fingerprint() {
        return fingerprint;
    }

    /** Down: every open connection is cut and new ones are closed at once. */
    void down(boolean down) {
        this.down = down;
        if (down) {
            cutAll();
        }
    }

    /** The chance, per request and per chunk of bytes forwarded, of a fault there. */
    void faultRate(double rate) {
        this.faultRate = rate;
    }

    /** The longest a delayed chunk is held back. */
    void maxDelayMillis(int millis) {
        this.maxDelayMillis = millis;
    }

    /** How many faults of {@code kind} were injected so far. */
    int injected(Fault kind) {
        return injected.get(kind).get();
    }

    void cutAll() {
        for (Socket s : open) {
            closeQuietly(s);
        }
    }

    private boolean terminating() {
        return upstreamTls != null;
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                if (down) {
                    closeQuietly(client);
                    continue;
                }
                Thread.ofVirtual().start(() -> connect(client));
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    private void connect(Socket client) {
        open.add(client);
        try {
            Socket server;
            if (terminating()) {
                ((SSLSocket) client).startHandshake();
                server = new Socket();
                server.connect(target, 2000);
                server = upstreamTls.getSocketFactory().createSocket(server, target.getHostString(),
                        target.getPort(), true);
                ((SSLSocket) server).startHandshake();
            } else {
                server = new Socket();
                server.connect(target, 2000);
            }
            open.add(server);
            Socket upstream = server;
            Object clientWrites = new Object();
            if (terminating()) {
                Thread.ofVirtual().start(() -> requests(client, upstream, clientWrites));
            } else {
                Thread.ofVirtual().start(() -> pipe(client, upstream, null, false));
            }
            Thread.ofVirtual().start(() -> pipe(upstream, client, clientWrites, true));
        } catch (IOException e) {
            closeQuietly(client);
        }
    }

    /** Forwards raw bytes; a response may be delayed or cut at random. */
    private void pipe(Socket from, Socket to, Object writeLock, boolean responses) {
        byte[] buffer = new byte[8192];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                if (down) {
                    break;
                }
                Fault fault = responses ? roll(Fault.DELAY, Fault.TRUNCATED) : roll(Fault.DELAY, Fault.DROP);
                if (fault == Fault.DELAY) {
                    delay();
                } else if (fault == Fault.DROP) {
                    break;
                } else if (fault == Fault.TRUNCATED) {
                    synchronized (lock(writeLock, out)) {
                        out.write(buffer, 0, cutPoint(buffer, n));
                        out.flush();
                    }
                    break;
                }
                synchronized (lock(writeLock, out)) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            }
        } catch (IOException e) {
            // the other side went away
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    /**
     * Terminating mode, client to server: reads one HTTP request at a time (head, then a body of its
     * Content-Length), and forwards it, or instead drops the connection, resets it or answers a 5xx.
     */
    private void requests(Socket client, Socket server, Object clientWrites) {
        try (InputStream in = new BufferedInputStream(client.getInputStream());
             OutputStream toServer = server.getOutputStream()) {
            byte[] head;
            while ((head = readHead(in)) != null && !down) {
                long length = contentLength(head);
                Fault fault = roll(Fault.DROP, Fault.RESET, Fault.SERVER_ERROR, Fault.DELAY);
                if (fault == Fault.DROP) {
                    break;
                } else if (fault == Fault.RESET) {
                    client.setSoLinger(true, 0);
                    break;
                } else if (fault == Fault.SERVER_ERROR) {
                    int status = ERROR_STATUSES[nextInt(ERROR_STATUSES.length)];
                    byte[] body = ("{\"code\":\"unavailable\",\"message\":\"the proxy answered " + status + "\"}")
                            .getBytes(StandardCharsets.UTF_8);
                    byte[] answer = ("HTTP/1.1 " + status + " Proxy Fault\r\nContent-Type: application/json\r\n"
                            + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII);
                    OutputStream out = client.getOutputStream();
                    synchronized (clientWrites) {
                        out.write(answer);
                        out.write(body);
                        out.flush();
                    }
                    break;
                } else if (fault == Fault.DELAY) {
                    delay();
                }
                toServer.write(head);
                copy(in, toServer, length);
                toServer.flush();
            }
        } catch (IOException e) {
            // the other side went away
        } finally {
            closeQuietly(client);
            closeQuietly(server);
        }
    }

    /** The request head up to and including the blank line; null at the end of the stream. */
    private static byte[] readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream(512);
        int matched = 0;
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == 4) {
                return head.toByteArray();
            }
            if (head.size() > MAX_HEAD) {
                throw new IOException("request head too long");
            }
        }
        return null;
    }

    private static long contentLength(byte[] head) throws IOException {
        for (String line : new String(head, StandardCharsets.US_ASCII).split("\r\n")) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("transfer-encoding:")) {
                throw new IOException("chunked request bodies are not supported by this proxy");
            }
            if (lower.startsWith("content-length:")) {
                return Long.parseLong(line.substring(line.indexOf(':') + 1).strip());
            }
        }
        return 0;
    }

    /** Copies exactly {@code length} bytes (a request body), never reading into the next request. */
    private static void copy(InputStream in, OutputStream out, long length) throws IOException {
        byte[] buffer = new byte[8192];
        long left = length;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new IOException("the request body ended early");
            }
            out.write(buffer, 0, n);
            left -= n;
        }
    }

    /** In a chunk holding the end of a response head, a cut inside the body after it; else the middle. */
    private int cutPoint(byte[] buffer, int n) {
        if (terminating()) {
            for (int i = 3; i < n; i++) {
                if (buffer[i - 3] == '\r' && buffer[i - 2] == '\n' && buffer[i - 1] == '\r' && buffer[i] == '\n') {
                    int bodyStart = i + 1;
                    return bodyStart < n ? bodyStart + nextInt(n - bodyStart) : n / 2;
                }
            }
        }
        return n / 2;
    }

    private Object lock(Object writeLock, OutputStream out) {
        return writeLock != null ? writeLock : out;
    }

    private void delay() {
        // The stall is the fault being injected (a slow network), not a wait for something to happen.
        java.util.concurrent.locks.LockSupport.parkNanos(
                java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(1 + nextInt(maxDelayMillis)));
    }

    /** With the fault rate, one of {@code kinds} (counted); otherwise null. */
    private Fault roll(Fault... kinds) {
        double rate = faultRate;
        if (rate <= 0) {
            return null;
        }
        Fault fault;
        synchronized (random) {
            if (random.nextDouble() >= rate) {
                return null;
            }
            fault = kinds[random.nextInt(kinds.length)];
        }
        injected.get(fault).incrementAndGet();
        return fault;
    }

    private int nextInt(int bound) {
        synchronized (random) {
            return random.nextInt(bound);
        }
    }

    private void closeQuietly(Socket s) {
        open.remove(s);
        try {
            s.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        listener.close();
        cutAll();
    }
}
