package dev.termvault.sync.protocol.keys;

/** Argon2id parameters of an account's password KDF: memory in KiB, iterations, lanes. */
public record WireKdfParams(String algorithm, int memoryKib, int iterations, int parallelism) {
    public static final String ARGON2ID = "argon2id";
}
