package dev.termvault.sync.client;

import java.util.Optional;

/**
 * The port through which the sync client asks a person for a second-factor code, when the key service says
 * the account needs one (after the password was proven right). The CLI implements it on the terminal, the
 * desktop app in a dialog. It is called on the thread that runs the login, the join, the password change or
 * the removal, and may block until the person answers.
 */
@FunctionalInterface
public interface SecondFactorPrompt {

    /** Asks nothing: a login that needs a code ends with {@link SyncException.SecondFactorRequired}. */
    SecondFactorPrompt NONE = question -> Optional.empty();

    /** Why a code is asked for; front ends word the question after it. */
    enum Reason { LOG_IN, JOIN, PASSWORD_CHANGE, REMOVE_SECOND_FACTOR }

    /**
     * One question.
     *
     * @param reason       what the code authorises
     * @param email        the account
     * @param previousWrong the previous answer was refused (wrong, or already used: a code works once, so a
     *                     second step of the same operation needs the next code of the app)
     * @param attempt      1 for the first question of this operation
     */
    record Question(Reason reason, String email, boolean previousWrong, int attempt) {
    }

    /** The code the person typed, or empty when they cancelled. */
    Optional<SecondFactorCode> ask(Question question);
}
