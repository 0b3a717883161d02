package dev.termvault.sync.server.keys.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * Seals the service share S for its release at login, under a key only the two ends of that SRP exchange know.
 *
 * <pre>
 * releaseKey = HKDF-SHA256(ikm = K (the SRP session key, H(S_srp), 32 bytes),
 *                          salt = loginId (UTF-8), info = "termvault share release v1", 32 bytes)
 * sealed     = nonce (12 random bytes) ‖ AES-256-GCM(releaseKey, nonce, S, aad)
 * aad        = "termvault share release v1|" ‖ accountId ‖ "|" ‖ deviceId        (UTF-8)
 * </pre>
 */
public final class ShareSealer {

    public static final String LABEL = "termvault share release v1";
    private static final int NONCE_BYTES = 12;

    private final SecureRandom random;

    public ShareSealer(Secrets secrets) {
        this.random = secrets.random();
    }

    public byte[] seal(byte[] sessionKey, String loginId, String accountId, String deviceId, byte[] share)
            throws GeneralSecurityException {
        byte[] key = releaseKey(sessionKey, loginId);
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
            cipher.updateAAD(aad(accountId, deviceId));
            byte[] sealed = cipher.doFinal(share);
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** The inverse of {@link #seal}, as a client does it (used by tests and the load generator). */
    public static byte[] open(byte[] sessionKey, String loginId, String accountId, String deviceId, byte[] sealed)
            throws GeneralSecurityException {
        byte[] key = releaseKey(sessionKey, loginId);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
                    new GCMParameterSpec(128, sealed, 0, NONCE_BYTES));
            cipher.updateAAD(aad(accountId, deviceId));
            return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    static byte[] releaseKey(byte[] sessionKey, String loginId) {
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(sessionKey, loginId.getBytes(StandardCharsets.UTF_8),
                LABEL.getBytes(StandardCharsets.UTF_8)));
        byte[] out = new byte[32];
        hkdf.generateBytes(out, 0, out.length);
        return out;
    }

    private static byte[] aad(String accountId, String deviceId) {
        return (LABEL + "|" + accountId + "|" + deviceId).getBytes(StandardCharsets.UTF_8);
    }
}
