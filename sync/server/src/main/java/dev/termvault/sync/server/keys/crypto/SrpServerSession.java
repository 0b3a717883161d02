package dev.termvault.sync.server.keys.crypto;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.agreement.srp.SRP6Server;
import org.bouncycastle.util.BigIntegers;

/**
 * The server end of one SRP-6a exchange (Bouncy Castle's {@link SRP6Server}). {@link #start} makes B from the
 * stored verifier; {@link #finish} checks the client's A and M1 and, when the proof holds, gives M2 and the
 * session key K = H(S). One session serves one attempt: a second {@code finish} is refused.
 */
public final class SrpServerSession {

    /** The result of a verified proof: M2 for the client, and the session key (the caller wipes it). */
    public record Proof(byte[] m2, byte[] sessionKey) {
        @Override
        public String toString() {
            return "Proof[m2, sessionKey=██]";
        }
    }

    private final SrpGroup group;
    private final SRP6Server server;
    private final BigInteger b;
    private boolean used;

    SrpServerSession(SrpGroup group, SRP6Server server, BigInteger verifier, SecureRandom random) {
        this.group = group;
        this.server = server;
        server.init(group.parameters(), verifier, group.digest().get(), random);
        this.b = server.generateServerCredentials();
    }

    /** Starts an exchange for an account whose verifier is {@code verifier}. */
    public static SrpServerSession start(SrpGroup group, BigInteger verifier, Secrets secrets) {
        return new SrpServerSession(group, new SRP6Server(), verifier, secrets.random());
    }

    /** B, padded to the group's length. */
    public byte[] publicB() {
        return BigIntegers.asUnsignedByteArray(group.byteLength(), b);
    }

    /** Checks A and M1; on success returns M2 and K. Any failure says only "proof refused". */
    public synchronized Proof finish(byte[] clientA, byte[] clientM1) throws GeneralSecurityException {
        if (used) {
            throw new GeneralSecurityException("proof refused");
        }
        used = true;
        try {
            server.calculateSecret(new BigInteger(1, clientA));
            if (!server.verifyClientEvidenceMessage(new BigInteger(1, clientM1))) {
                throw new GeneralSecurityException("proof refused");
            }
            int hashLength = group.digest().get().getDigestSize();
            byte[] m2 = BigIntegers.asUnsignedByteArray(hashLength, server.calculateServerEvidenceMessage());
            byte[] key = BigIntegers.asUnsignedByteArray(hashLength, server.calculateSessionKey());
            return new Proof(m2, key);
        } catch (CryptoException | IllegalStateException | IllegalArgumentException e) {
            throw new GeneralSecurityException("proof refused");
        }
    }

    @Override
    public String toString() {
        return "SrpServerSession[" + group.name() + "]";
    }
}
