package dev.termvault.sync.server.tls;

import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;

/**
 * The server's TLS identity: an in-memory key store (alias {@link #ALIAS}) and its leaf certificate.
 * {@code toString} shows the fingerprint only.
 */
public record TlsMaterial(KeyStore keyStore, char[] keyStorePassword, X509Certificate certificate) {
    public static final String ALIAS = "termvault-server";

    /** SHA-256 of the certificate's DER encoding, as colon-separated upper-case hex (what clients pin). */
    public String fingerprint() {
        return fingerprint(certificate);
    }

    public static String fingerprint(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot fingerprint the certificate", e);
        }
    }

    /** Normalises a fingerprint as a person may type it (any case, with or without colons). */
    public static String normalise(String fingerprint) {
        String hex = fingerprint.replace(":", "").replace(" ", "").toUpperCase(java.util.Locale.ROOT);
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(HexFormat.of().parseHex(hex));
    }

    @Override
    public String toString() {
        return "TlsMaterial[fingerprint=" + fingerprint() + "]";
    }
}
