package dev.termvault.vault.internal.store;

/**
 * The account row: what unlocking needs before any key exists. The byte arrays are the stored values;
 * callers must not change them.
 *
 * @param accountId       16 random bytes naming the account
 * @param formatVersion   key hierarchy version
 * @param kdfSalt         Argon2id salt
 * @param kdfMemoryKib    Argon2id memory in KiB, as stored (checked against the floor by the caller)
 * @param kdfIterations   Argon2id passes, as stored
 * @param kdfParallelism  Argon2id lanes, as stored
 * @param secretKey       the Secret Key's 16 raw bytes
 * @param wrappedShare    the service share S wrapped under K_local
 * @param shareSource     where S comes from: {@code local} or {@code service}
 */
public record AccountRow(byte[] accountId, int formatVersion, byte[] kdfSalt, int kdfMemoryKib, int kdfIterations,
                         int kdfParallelism, byte[] secretKey, byte[] wrappedShare, String shareSource) {

    @Override
    public String toString() {
        return "AccountRow[formatVersion=" + formatVersion + ", kdf=" + kdfMemoryKib + "KiB/t" + kdfIterations
                + "/p" + kdfParallelism + ", shareSource=" + shareSource + "]";
    }
}
