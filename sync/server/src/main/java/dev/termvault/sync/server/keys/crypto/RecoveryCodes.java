package dev.termvault.sync.server.keys.crypto;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One-time recovery codes for a second factor: 16 characters of Crockford's base32 (80 random bits), shown as four groups of four ({@code 7kq2-9xmt-…}). Only {@link #hash} is stored:
 * SHA-256("termvault recovery code v1|" ‖ accountId ‖ "|" ‖ normalised code). With 80 bits a stolen hash
 * cannot be guessed back, so a plain hash is enough.
 */
public final class RecoveryCodes {

    public static final int COUNT = 10;
    /** Crockford's base32: no i, l, o or u; a typed o reads as 0, an i or l as 1. */
    private static final String ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
    private static final int LENGTH = 16;
    private static final String LABEL = "termvault recovery code v1|";

    private RecoveryCodes() {
    }

    /** {@link #COUNT} new codes, formatted for people. */
    public static List<String> generate(Secrets secrets) {
        List<String> codes = new ArrayList<>(COUNT);
        for (int i = 0; i < COUNT; i++) {
            StringBuilder code = new StringBuilder();
            for (int c = 0; c < LENGTH; c++) {
                if (c > 0 && c % 4 == 0) {
                    code.append('-');
                }
                code.append(ALPHABET.charAt(secrets.random().nextInt(ALPHABET.length())));
            }
            codes.add(code.toString());
        }
        return codes;
    }

    /** The stored form of a code of an account; spaces, dashes and case do not matter. */
    public static byte[] hash(String accountId, String code) {
        return Secrets.sha256((LABEL + accountId + "|" + normalise(code)).getBytes(StandardCharsets.UTF_8));
    }

    /** The code without spaces and dashes, lower-case, with o read as 0 and i, l as 1. */
    public static String normalise(String code) {
        return code == null ? "" : code.replace("-", "").replace(" ", "").strip().toLowerCase(Locale.ROOT)
                .replace('o', '0').replace('i', '1').replace('l', '1');
    }

    /** Whether the text could be a recovery code (checked before any lookup). */
    public static boolean wellFormed(String code) {
        String n = normalise(code);
        return n.length() == LENGTH && n.chars().allMatch(ch -> ALPHABET.indexOf(ch) >= 0);
    }
}
