package dev.termvault.sync.server.tls;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Trusts exactly one server certificate, named by its SHA-256 fingerprint; every other certificate is refused.
 * Used by one server role calling another (the blob role fetching the key service's JWK set, the key role
 * posting revocations) when they run with self-signed certificates.
 */
public final class PinnedTrustManager implements X509TrustManager {
    private final String fingerprint;

    public PinnedTrustManager(String fingerprint) {
        this.fingerprint = TlsMaterial.normalise(fingerprint);
    }

    /** A TLS context that trusts only the pinned certificate. */
    public static SSLContext sslContext(String fingerprint) {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {new PinnedTrustManager(fingerprint)}, new SecureRandom());
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is not available", e);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (chain == null || chain.length == 0 || !TlsMaterial.fingerprint(chain[0]).equals(fingerprint)) {
            throw new CertificateException("the server's certificate does not match the pinned fingerprint");
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("client certificates are not accepted");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
