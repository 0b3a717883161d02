package dev.termvault.vault.secret;

/**
 * The token that {@link SecretBytes#reveal(SecretAccess)} asks for, modelled on Tink's
 * {@code SecretKeyAccess}: a method that hands out key bytes takes one, so code cannot read a key by
 * accident, and every place that does is found by grepping for {@code SecretAccess.insecure()}.
 *
 * <p>The token is not a capability check (anyone may call {@link #insecure()}); it makes leaving the secret
 * type a visible, reviewable decision. Hold it no longer than the call that needs it.
 */
public final class SecretAccess {

    private static final SecretAccess INSECURE = new SecretAccess();

    private SecretAccess() {
    }

    /**
     * The token for code that must handle raw key bytes (a primitive that hands them to a cipher, the SRP
     * exchange). Every call site is a place key bytes leave {@link SecretBytes}.
     */
    public static SecretAccess insecure() {
        return INSECURE;
    }

    /** Refuses a missing token. */
    static SecretAccess require(SecretAccess access) {
        if (access == null) {
            throw new SecurityException("revealing secret bytes needs a SecretAccess token");
        }
        return access;
    }

    @Override
    public String toString() {
        return "SecretAccess";
    }
}
