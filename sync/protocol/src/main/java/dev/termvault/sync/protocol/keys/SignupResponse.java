package dev.termvault.sync.protocol.keys;

/**
 * The answer to a sign-up. {@code 201}: the new account's id, {@code next} null; the client then logs in to
 * receive tokens and the service share. {@code 202}: no account yet, {@code accountId} null, and {@code next}
 * says which code to send again with the same request: {@link #NEXT_EMAIL_CODE} (a code is on its way to the
 * address, if the server may create an account for it) or {@link #NEXT_INVITE} (an operator's invite). A
 * {@code 202} says nothing about whether the email has an account.
 */
public record SignupResponse(String accountId, String next) {

    public static final String NEXT_EMAIL_CODE = "email_code";
    public static final String NEXT_INVITE = "invite";

    /** A created account. */
    public SignupResponse(String accountId) {
        this(accountId, null);
    }
}
