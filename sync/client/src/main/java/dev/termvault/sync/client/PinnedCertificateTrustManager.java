package dev.termvault.sync.client;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import javax.net.ssl.X509TrustManager;

/**
 * Trusts exactly one server certificate: the one whose SHA-256 fingerprint (of the whole DER certificate)
 * the server printed when it made it. Everything else is refused, CA-signed or not.
 *
 * <p>Why not OkHttp's {@code CertificatePinner}: it pins the SHA-256 of the SubjectPublicKeyInfo and only
 * after the platform trust store accepted the chain. A self-signed server certificate is in no trust store,
 * and the fingerprint a person copies from the server's start-up line is of the whole certificate, so the
 * check has to replace chain validation rather than follow it. Pinning the exact certificate is stricter
 * than a CA chain: a re-issued certificate (even for the same key) needs the new fingerprint.
 */
final class PinnedCertificateTrustManager implements X509TrustManager {

    private final String fingerprint;

    PinnedCertificateTrustManager(String fingerprint) {
        this.fingerprint = normalise(fingerprint);
    }

    /** Upper-case hex with colons, whatever the person typed (any case, colons or spaces or none). */
    static String normalise(String fingerprint) {
        String hex = fingerprint.replace(":", "").replace(" ", "").toUpperCase(Locale.ROOT);
        byte[] bytes = HexFormat.of().parseHex(hex);
        if (bytes.length != 32) {
            throw new IllegalArgumentException("a SHA-256 fingerprint has 32 bytes");
        }
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(bytes);
    }

    static String fingerprintOf(X509Certificate certificate) throws CertificateException {
        try {
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new CertificateException("cannot fingerprint the server certificate");
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (chain == null || chain.length == 0 || !MessageDigest.isEqual(
                fingerprintOf(chain[0]).getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                fingerprint.getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
            throw new CertificateException("the server's certificate does not match the pinned fingerprint");
        }
        chain[0].checkValidity();
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("this client never trusts client certificates");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }

    @Override
    public String toString() {
        return "PinnedCertificateTrustManager[" + fingerprint + "]";
    }
}
