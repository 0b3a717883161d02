package dev.termvault.vault.internal.crypto;

/** Lets tests outside this package see how many Argon2id derivations were entered. */
public final class KdfDerivationCounter {

    private KdfDerivationCounter() {
    }

    /** Argon2id derivations entered so far in this JVM. */
    public static long entered() {
        return Argon2id.RAW_DERIVATIONS_ENTERED.get();
    }
}
