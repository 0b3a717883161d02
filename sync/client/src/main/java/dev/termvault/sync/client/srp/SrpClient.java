package dev.termvault.sync.client.srp;

import dev.termvault.vault.secret.SecretAccess;
import dev.termvault.vault.secret.SecretBytes;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Locale;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.agreement.srp.SRP6Client;
import org.bouncycastle.crypto.agreement.srp.SRP6StandardGroups;
import org.bouncycastle.crypto.agreement.srp.SRP6VerifierGenerator;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.bouncycastle.crypto.params.SRP6GroupParameters;
import org.bouncycastle.util.BigIntegers;

/**
 * The client end of the key service's SRP-6a exchange: RFC 5054's 4096-bit group with SHA-256 through Bouncy
 * Castle's {@link SRP6Client}, exactly as the server end uses it. The SRP "password" is the vault's SRP
 * secret, HKDF(K_user, "srp-x") (32 bytes), never the master password; the identity is the email, stripped
 * and lower-cased as the server does ({@link #normaliseEmail}); the salt
 * is the account's Argon2id salt. Also opens the service share the server seals under the session key
 * (docs/security/key-service.md, "Share release").
 */
public final class SrpClient {

    private static final SRP6GroupParameters GROUP = SRP6StandardGroups.rfc5054_4096;
    private static final String SHARE_LABEL = "termvault share release v1";
    private static final int HASH_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private SrpClient() {
    }

    private static Digest digest() {
        return new SHA256Digest();
    }

    /** The verifier v = g^x mod N for sign-up or a password change, unsigned big-endian. */
    public static byte[] verifier(String email, byte[] salt, SecretBytes srpSecret) {
        SRP6VerifierGenerator generator = new SRP6VerifierGenerator();
        generator.init(GROUP, digest());
        byte[] secret = srpSecret.reveal(SecretAccess.insecure());
        try {
            return BigIntegers.asUnsignedByteArray(generator.generateVerifier(salt, identity(email), secret));
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    /**
     * Answers the server's B: makes A, the shared secret and M1.
     *
     * @throws GeneralSecurityException if B is not acceptable (B mod N = 0)
     */
    public static Proof prove(String email, byte[] salt, SecretBytes srpSecret, byte[] serverB)
            throws GeneralSecurityException {
        SRP6Client client = new SRP6Client();
        client.init(GROUP, digest(), RANDOM);
        byte[] secret = srpSecret.reveal(SecretAccess.insecure());
        try {
            BigInteger a = client.generateClientCredentials(salt, identity(email), secret);
            client.calculateSecret(new BigInteger(1, serverB));
            byte[] m1 = BigIntegers.asUnsignedByteArray(HASH_BYTES, client.calculateClientEvidenceMessage());
            int nBytes = (GROUP.getN().bitLength() + 7) / 8;
            return new Proof(client, BigIntegers.asUnsignedByteArray(nBytes, a), m1);
        } catch (CryptoException | IllegalArgumentException | IllegalStateException e) {
            throw new GeneralSecurityException("the server's SRP value is not acceptable");
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    /** One exchange in progress: A and M1 to send; M2 to check; then the session key. */
    public static final class Proof {
        private final SRP6Client client;
        private final byte[] a;
        private final byte[] m1;
        private boolean verified;

        private Proof(SRP6Client client, byte[] a, byte[] m1) {
            this.client = client;
            this.a = a;
            this.m1 = m1;
        }

        public byte[] a() {
            return a.clone();
        }

        public byte[] m1() {
            return m1.clone();
        }

        /** Whether the server proved it knows the verifier (M2). Check it before trusting anything else. */
        public boolean verifyServer(byte[] m2) {
            try {
                verified = m2 != null && client.verifyServerEvidenceMessage(new BigInteger(1, m2));
                return verified;
            } catch (CryptoException | IllegalStateException e) {
                return false;
            }
        }

        /** K = H(S), 32 bytes; only after {@link #verifyServer} succeeded. The caller destroys it. */
        public SecretBytes sessionKey() {
            if (!verified) {
                throw new IllegalStateException("the server's proof was not checked");
            }
            try {
                byte[] key = BigIntegers.asUnsignedByteArray(HASH_BYTES, client.calculateSessionKey());
                try {
                    return SecretBytes.copyOf(key);
                } finally {
                    Arrays.fill(key, (byte) 0);
                }
            } catch (CryptoException e) {
                throw new IllegalStateException("no SRP session key", e);
            }
        }

        @Override
        public String toString() {
            return "Proof[verified=" + verified + "]";
        }
    }

    /**
     * Opens the service share released at login: HKDF-SHA256(K, salt = loginId, info = label) as an
     * AES-256-GCM key; the sealed bytes are nonce (12) || ciphertext || tag; AAD = label|accountId|deviceId.
     *
     * @throws GeneralSecurityException if it does not open (wrong session, or changed in transit)
     */
    public static SecretBytes openShare(SecretBytes sessionKey, String loginId, String accountId, String deviceId,
                                        byte[] sealed) throws GeneralSecurityException {
        if (sealed == null || sealed.length < NONCE_BYTES + 16) {
            throw new GeneralSecurityException("the released share is malformed");
        }
        byte[] ikm = sessionKey.reveal(SecretAccess.insecure());
        byte[] key = new byte[32];
        byte[] share = null;
        try {
            HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
            hkdf.init(new HKDFParameters(ikm, loginId.getBytes(StandardCharsets.UTF_8),
                    SHARE_LABEL.getBytes(StandardCharsets.UTF_8)));
            hkdf.generateBytes(key, 0, key.length);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
                    new GCMParameterSpec(128, sealed, 0, NONCE_BYTES));
            cipher.updateAAD((SHARE_LABEL + "|" + accountId + "|" + deviceId).getBytes(StandardCharsets.UTF_8));
            share = cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
            return SecretBytes.copyOf(share);
        } finally {
            Arrays.fill(ikm, (byte) 0);
            Arrays.fill(key, (byte) 0);
            if (share != null) {
                Arrays.fill(share, (byte) 0);
            }
        }
    }

    /**
     * The SRP identity: the email as the key service keys accounts, without surrounding white space and in
     * lower case (Locale.ROOT), so a device that types the address with other capitals derives the same x.
     */
    public static String normaliseEmail(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    private static byte[] identity(String email) {
        return normaliseEmail(email).getBytes(StandardCharsets.UTF_8);
    }
}
