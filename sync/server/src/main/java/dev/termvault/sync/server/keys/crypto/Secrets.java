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

    /** The 32 symbols of sign-up codes (Crockford's base 32: no I, L, O, U, so nothing reads as another). */
    public static final String CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /** A random code of {@code length} symbols from {@link #CODE_ALPHABET} (5 bits each). */
    public String newCode(int length) {
        StringBuilder code = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            code.append(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
        }
        return code.toString();
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
