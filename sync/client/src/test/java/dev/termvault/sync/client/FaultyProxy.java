package dev.termvault.sync.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy in front of the real server that can fail on purpose: it can be taken down (every
 * connection cut, new ones refused: a long offline period) and, with a fault rate, cut or stall a
 * connection in the middle (drops, resets and truncated bodies as TLS sees them).
 */
final class FaultyProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final InetSocketAddress target;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Random random = new Random(42);
    private volatile boolean down;
    private volatile double faultRate;
    private volatile boolean closed;

    FaultyProxy(int targetPort) throws IOException {
        this.target = new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort);
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().name("faulty-proxy").start(this::accept);
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Down: every open connection is cut and new ones are closed at once. */
    void down(boolean down) {
        this.down = down;
        if (down) {
            cutAll();
        }
    }

    /** The chance, per chunk of bytes forwarded, that the connection is cut there. */
    void faultRate(double rate) {
        this.faultRate = rate;
    }

    void cutAll() {
        for (Socket s : open) {
            closeQuietly(s);
        }
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                if (down) {
                    closeQuietly(client);
                    continue;
                }
                Socket server = new Socket();
                server.connect(target, 2000);
                open.add(client);
                open.add(server);
                pipe(client, server);
                pipe(server, client);
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    private void pipe(Socket from, Socket to) {
        Thread.ofVirtual().start(() -> {
            byte[] buffer = new byte[8192];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    if (down || (faultRate > 0 && chance())) {
                        if (n > 1 && !down) {
                            out.write(buffer, 0, n / 2);
                        }
                        break;
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // the other side went away
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        });
    }

    private synchronized boolean chance() {
        return random.nextDouble() < faultRate;
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
