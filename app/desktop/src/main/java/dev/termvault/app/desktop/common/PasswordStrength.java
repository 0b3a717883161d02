package dev.termvault.app.desktop.common;

/**
 * A rough strength estimate for a master password, 0 (very weak) to 4 (strong), from its length and the kinds
 * of characters in it. It guides; it does not judge dictionary words.
 */
public final class PasswordStrength {

    /** The lowest score the first-run screen accepts. */
    public static final int ACCEPTABLE = 2;

    private static final String[] NAMES = {"Very weak", "Weak", "Fair", "Good", "Strong"};

    private PasswordStrength() {
    }

    public static int score(CharSequence password) {
        if (password == null || password.length() < 8) {
            return 0;
        }
        int kinds = 0;
        kinds += password.chars().anyMatch(Character::isLowerCase) ? 1 : 0;
        kinds += password.chars().anyMatch(Character::isUpperCase) ? 1 : 0;
        kinds += password.chars().anyMatch(Character::isDigit) ? 1 : 0;
        kinds += password.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0;
        int length = password.length();
        int score = length >= 20 ? 3 : length >= 14 ? 2 : length >= 10 ? 1 : 0;
        score += kinds >= 3 ? 1 : 0;
        if (password.chars().distinct().count() <= 3) {
            score = 0;
        }
        return Math.min(4, score + (length >= 12 && kinds >= 2 ? 1 : 0));
    }

    public static String describe(int score) {
        return NAMES[Math.max(0, Math.min(4, score))];
    }
}
