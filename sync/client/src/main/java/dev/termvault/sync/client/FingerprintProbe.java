package dev.termvault.sync.client;

import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/** Reads the certificate a server presents, trusting nothing, for {@link SyncClient#fetchFingerprint}. */
final class FingerprintProbe {

    private FingerprintProbe() {
    }

    static String fetch(URI server, Duration timeout) {
        if (server == null || !"https".equals(server.getScheme()) || server.getHost() == null) {
            throw new IllegalArgumentException("the server address must look like https://host:port");
        }
        int port = server.getPort() < 0 ? 443 : server.getPort();
        X509Certificate[] seen = new X509Certificate[1];
        X509TrustManager capture = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                throw new CertificateException("this client never trusts client certificates");
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                if (chain == null || chain.length == 0) {
                    throw new CertificateException("the server sent no certificate");
                }
                seen[0] = chain[0];
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        try {
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, new TrustManager[] {capture}, null);
            try (java.net.Socket plain = new java.net.Socket()) {
                plain.connect(new java.net.InetSocketAddress(server.getHost(), port), (int) timeout.toMillis());
                plain.setSoTimeout((int) timeout.toMillis());
                try (SSLSocket socket = (SSLSocket) tls.getSocketFactory()
                        .createSocket(plain, server.getHost(), port, false)) {
                    socket.startHandshake();
                }
            }
            if (seen[0] == null) {
                throw new SyncException.Offline("the server at " + server + " sent no certificate", null);
            }
            return PinnedCertificateTrustManager.fingerprintOf(seen[0]);
        } catch (java.io.IOException e) {
            throw new SyncException.Offline("Could not reach " + server + " over TLS: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is not available", e);
        }
    }
}
