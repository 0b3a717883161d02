package dev.termvault.vault.internal.crypto;

import dev.termvault.vault.KdfParams;
import dev.termvault.vault.secret.SecretBytes;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id (RFC 9106, version 0x13) through Bouncy Castle.
 *
 * <p>The public path always checks {@link KdfParams#requireAcceptable()} first, so parameters below
 * the floor or above the ceiling are refused before the derivation is entered. The unchecked primitive
 * is package-private and exists for the RFC 9106 test vector, whose memory size is below the floor.
 */
public final class Argon2id {

    /** Salts shorter than this are refused. */
    public static final int MIN_SALT_LENGTH = 16;

    /** Counts entries into the raw derivation; a test seam proving refusals happen before any work. */
    static final AtomicLong RAW_DERIVATIONS_ENTERED = new AtomicLong();

    private Argon2id() {
    }

    /**
     * Derives {@code outputLength} bytes from {@code password} and {@code salt}.
     *
     * @param password the password bytes; not modified, the caller wipes them
     * @param salt at least {@value #MIN_SALT_LENGTH} bytes
     * @throws dev.termvault.vault.VaultException.WeakKdfParameters below the floor, before any work
     * @throws dev.termvault.vault.VaultException.KdfParametersOutOfRange above the ceiling, before any work
     */
    public static SecretBytes derive(byte[] password, byte[] salt, KdfParams params, int outputLength) {
        params.requireAcceptable();
        if (salt == null || salt.length < MIN_SALT_LENGTH) {
            throw new IllegalArgumentException("salt must be at least " + MIN_SALT_LENGTH + " bytes");
        }
        if (outputLength < 16 || outputLength > 64) {
            throw new IllegalArgumentException("output length must be 16..64 bytes");
        }
        return KeyBytes.adopt(raw(password, salt, null, null,
                params.memoryKiB(), params.iterations(), params.parallelism(), outputLength));
    }

    /** The unchecked primitive. Package-private: only the RFC vector test calls it directly. */
    static byte[] raw(byte[] password, byte[] salt, byte[] secret, byte[] associatedData,
                      int memoryKiB, int iterations, int parallelism, int outputLength) {
        RAW_DERIVATIONS_ENTERED.incrementAndGet();
        Argon2Parameters.Builder builder = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(salt)
                .withMemoryAsKB(memoryKiB)
                .withIterations(iterations)
                .withParallelism(parallelism);
        if (secret != null) {
            builder.withSecret(secret);
        }
        if (associatedData != null) {
            builder.withAdditional(associatedData);
        }
        Argon2Parameters parameters = builder.build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] out = new byte[outputLength];
        generator.generateBytes(password, out);
        parameters.clear();
        return out;
    }
}
