package dev.termvault.vault.internal.crypto;

import dev.termvault.vault.KdfParams;
import dev.termvault.vault.secret.SecretBytes;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Arrays;

/**
 * Key hierarchy v1 (docs/security/key-hierarchy.md):
 * <pre>
 * K_pw   = Argon2id(UTF-8(NFKC(password)), salt, params)          32 bytes
 * K_sk   = HKDF(ikm = Secret Key, salt = salt, "termvault/v1/secret-key")
 * K_user = K_pw XOR K_sk
 * srpX   = HKDF(K_user, "termvault/v1/srp-x")
 * K_local= HKDF(K_user, "termvault/v1/local")
 * K_acct = HKDF(K_user || S, "termvault/v1/account-key")
 * </pre>
 * Every method returns a new {@link SecretBytes} the caller destroys, and wipes its intermediates. The
 * KDF parameters are checked against the floor and ceiling before the password is even read.
 */
public final class KeyHierarchy {

    /** Per-account salt length. */
    public static final int SALT_LENGTH = 16;
    /** Length of every derived key. */
    public static final int KEY_LENGTH = 32;
    /** Length of the service share S. */
    public static final int SERVICE_SHARE_LENGTH = 32;

    static final byte[] INFO_SECRET_KEY = ascii("termvault/v1/secret-key");
    static final byte[] INFO_SRP_X = ascii("termvault/v1/srp-x");
    static final byte[] INFO_LOCAL = ascii("termvault/v1/local");
    static final byte[] INFO_ACCOUNT_KEY = ascii("termvault/v1/account-key");

    private KeyHierarchy() {
    }

    /** A fresh random per-account salt. */
    public static byte[] newSalt() {
        return CryptoRandom.bytes(SALT_LENGTH);
    }

    /** A fresh random service share S (for a local-only vault; the key service makes its own). */
    public static SecretBytes newServiceShare() {
        return CryptoRandom.secret(SERVICE_SHARE_LENGTH);
    }

    /** A fresh random vault key VK. */
    public static SecretBytes newVaultKey() {
        return CryptoRandom.secret(KEY_LENGTH);
    }

    /**
     * K_pw: Argon2id over the NFKC-normalised UTF-8 password. Does not modify {@code password}.
     *
     * @throws dev.termvault.vault.VaultException.WeakKdfParameters before reading the password
     * @throws dev.termvault.vault.VaultException.KdfParametersOutOfRange before reading the password
     */
    public static SecretBytes passwordKey(char[] password, byte[] salt, KdfParams params) {
        params.requireAcceptable();
        requireSalt(salt);
        byte[] utf8 = normalizedUtf8(password);
        try {
            return Argon2id.derive(utf8, salt, params, KEY_LENGTH);
        } finally {
            Arrays.fill(utf8, (byte) 0);
        }
    }

    /** K_sk = HKDF-SHA256(ikm = Secret Key, salt = account salt, info "termvault/v1/secret-key"). */
    public static SecretBytes secretKeyKey(SecretKey secretKey, byte[] salt) {
        requireSalt(salt);
        return Hkdf.derive(secretKey.bytes(), salt, INFO_SECRET_KEY, KEY_LENGTH);
    }

    /**
     * K_user = K_pw XOR K_sk: needs both the password and the Secret Key.
     *
     * @throws dev.termvault.vault.VaultException.WeakKdfParameters before reading the password
     * @throws dev.termvault.vault.VaultException.KdfParametersOutOfRange before reading the password
     */
    public static SecretBytes userKey(char[] password, SecretKey secretKey, byte[] salt, KdfParams params) {
        params.requireAcceptable();
        try (SecretBytes kPw = passwordKey(password, salt, params);
             SecretBytes kSk = secretKeyKey(secretKey, salt)) {
            byte[] out = new byte[KEY_LENGTH];
            byte[] a = KeyBytes.reveal(kPw);
            byte[] b = KeyBytes.reveal(kSk);
            try {
                for (int i = 0; i < KEY_LENGTH; i++) {
                    out[i] = (byte) (a[i] ^ b[i]);
                }
                return KeyBytes.adopt(out);
            } finally {
                Arrays.fill(a, (byte) 0);
                Arrays.fill(b, (byte) 0);
            }
        }
    }

    /** srpX = HKDF(K_user, "termvault/v1/srp-x"), 32 bytes: the SRP private value's input. */
    public static SecretBytes srpX(SecretBytes userKey) {
        return Hkdf.derive(requireKey(userKey), null, INFO_SRP_X, KEY_LENGTH);
    }

    /** K_local = HKDF(K_user, "termvault/v1/local"): wraps the cached service share for offline unlock. */
    public static SecretBytes localKey(SecretBytes userKey) {
        return Hkdf.derive(requireKey(userKey), null, INFO_LOCAL, KEY_LENGTH);
    }

    /** K_acct = HKDF(K_user || S, "termvault/v1/account-key"): wraps the vault keys. */
    public static SecretBytes accountKey(SecretBytes userKey, SecretBytes serviceShare) {
        requireKey(userKey);
        if (serviceShare.length() != SERVICE_SHARE_LENGTH) {
            throw new IllegalArgumentException("service share must be " + SERVICE_SHARE_LENGTH + " bytes");
        }
        byte[] ikm = new byte[KEY_LENGTH + SERVICE_SHARE_LENGTH];
        byte[] user = KeyBytes.reveal(userKey);
        byte[] share = KeyBytes.reveal(serviceShare);
        System.arraycopy(user, 0, ikm, 0, KEY_LENGTH);
        System.arraycopy(share, 0, ikm, KEY_LENGTH, SERVICE_SHARE_LENGTH);
        Arrays.fill(user, (byte) 0);
        Arrays.fill(share, (byte) 0);
        try {
            return KeyBytes.adopt(Hkdf.derive(ikm, null, INFO_ACCOUNT_KEY, KEY_LENGTH));
        } finally {
            Arrays.fill(ikm, (byte) 0);
        }
    }

    /**
     * NFKC, then UTF-8. When the password is already in NFKC (the common case) no String is made; when
     * it is not, java.text.Normalizer returns a String that cannot be wiped and is left to the GC.
     */
    static byte[] normalizedUtf8(char[] password) {
        CharBuffer chars = CharBuffer.wrap(password);
        if (Normalizer.isNormalized(chars, Normalizer.Form.NFKC)) {
            return encode(CharBuffer.wrap(password));
        }
        String normalized = Normalizer.normalize(chars, Normalizer.Form.NFKC);
        return encode(CharBuffer.wrap(normalized));
    }

    private static byte[] encode(CharBuffer chars) {
        CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer buffer = null;
        try {
            buffer = encoder.encode(chars);
            byte[] out = new byte[buffer.remaining()];
            buffer.get(out);
            return out;
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("the password contains an unpaired surrogate character");
        } finally {
            if (buffer != null && buffer.hasArray()) {
                Arrays.fill(buffer.array(), (byte) 0);
            }
        }
    }

    private static SecretBytes requireKey(SecretBytes userKey) {
        if (userKey.length() != KEY_LENGTH) {
            throw new IllegalArgumentException("K_user must be " + KEY_LENGTH + " bytes");
        }
        return userKey;
    }

    private static void requireSalt(byte[] salt) {
        if (salt == null || salt.length != SALT_LENGTH) {
            throw new IllegalArgumentException("salt must be " + SALT_LENGTH + " bytes");
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
