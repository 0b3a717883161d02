package dev.termvault.vault.internal.crypto;

import java.security.MessageDigest;

/** Comparisons whose running time does not depend on where two byte strings first differ. */
public final class ConstantTime {

    private ConstantTime() {
    }

    /** True when {@code a} and {@code b} hold the same bytes; time depends on the lengths only. */
    public static boolean equals(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }
}
