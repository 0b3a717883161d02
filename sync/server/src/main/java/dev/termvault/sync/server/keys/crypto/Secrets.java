package dev.termvault.sync.server.keys.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Random values and hashes the key service needs outside the master key: shares, tokens, audit chain. */
public final class Secrets {

    private final SecureRandom random;

    /** Backed by a new {@link SecureRandom} (the platform's strong default). */
    public Secrets() {
        this(new SecureRandom());
    }

    public Secrets(SecureRandom random) {
        this.random = random;
    }

    SecureRandom random() {
        return random;
    }

    /** A new 256-bit key (a service share, an internal secret). */
    public byte[] newKey() {
        byte[] key = new byte[32];
        random.nextBytes(key);
        return key;
    }

    /** {@code length} random bytes (a TOTP secret). */
    public byte[] newBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    /** An opaque bearer token: 256 random bits, base64url without padding. */
    public String newToken() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(newKey());
    }

    /** SHA-256 of a token, as stored (tokens themselves are never stored). */
    public static byte[] tokenHash(String token) {
        return sha256(token.getBytes(StandardCharsets.US_ASCII));
    }

    public static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                digest.update(part);
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /** HMAC-SHA256(key, message). */
    public static byte[] hmac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is missing from this JDK", e);
        }
    }

    /** Constant-time comparison. */
    public static boolean same(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }
}
