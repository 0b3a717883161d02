package dev.termvault.app.core.account;

import dev.termvault.app.core.CoreException;
import java.util.Map;
import java.util.Optional;

/**
 * The one rule for a new master password, in both front ends (the desktop's first run, account setup and the
 * CLI's {@code init}, {@code passwd}, {@code account signup}): at least {@value #MIN_LENGTH} characters and a
 * strength score of at least {@value #ACCEPTABLE}. The score is a rough estimate, 0 (very weak) to 4 (strong),
 * from the length and the kinds of characters; it guides, it does not judge dictionary words.
 */
public final class PasswordPolicy {

    /** The fewest characters accepted. */
    public static final int MIN_LENGTH = 8;

    /** The lowest score accepted. */
    public static final int ACCEPTABLE = 2;

    /** The field named in {@link CoreException.Invalid#fieldErrors()}. */
    public static final String FIELD = "password";

    static final String TOO_SHORT = "The master password must have at least " + MIN_LENGTH + " characters.";
    static final String TOO_EASY = "The master password is too easy to guess: make it longer or mix letters,"
            + " digits and symbols.";

    private static final String[] NAMES = {"Very weak", "Weak", "Fair", "Good", "Strong"};

    private PasswordPolicy() {
    }

    /** The strength score, 0 to 4. */
    public static int score(CharSequence password) {
        if (password == null || password.length() < MIN_LENGTH) {
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

    /** A score as a word: "Very weak" to "Strong". */
    public static String describe(int score) {
        return NAMES[Math.max(0, Math.min(4, score))];
    }

    /** Why {@code password} is refused, or empty when it is acceptable. */
    public static Optional<String> problem(CharSequence password) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of(TOO_SHORT);
        }
        return score(password) < ACCEPTABLE ? Optional.of(TOO_EASY) : Optional.empty();
    }

    /**
     * Refuses a password the policy does not accept.
     *
     * @throws CoreException.Invalid with the reason, also under {@link #FIELD}
     */
    public static void require(char[] password) {
        Optional<String> problem = problem(java.nio.CharBuffer.wrap(password));
        if (problem.isPresent()) {
            throw new CoreException.Invalid(problem.get(), Map.of(FIELD, problem.get()));
        }
    }
}
