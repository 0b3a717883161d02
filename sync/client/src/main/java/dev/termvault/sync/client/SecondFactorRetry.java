package dev.termvault.sync.client;

import dev.termvault.sync.protocol.ErrorCode;
import dev.termvault.sync.protocol.keys.SecondFactorAnswer;
import java.util.function.Function;

/**
 * Runs a key-service request that carries a fresh proof and, when the account has a second factor, an
 * answer: first without one (or with the code given), then, on {@code second_factor_required} or
 * {@code second_factor_wrong}, asks the {@link SecondFactorPrompt} and runs it again (the attempt makes a new
 * proof each time: a loginId is spent by its first use). At most {@link #MAX_QUESTIONS} questions.
 */
final class SecondFactorRetry {

    static final int MAX_QUESTIONS = 3;

    private SecondFactorRetry() {
    }

    /** Whether the server refused for the second factor (the proof itself was right). */
    static boolean isSecondFactor(SyncException.Rejected e) {
        return ErrorCode.SECOND_FACTOR_REQUIRED.wire().equals(e.code())
                || ErrorCode.SECOND_FACTOR_WRONG.wire().equals(e.code());
    }

    static <T> T run(SecondFactorPrompt prompt, SecondFactorPrompt.Reason reason, String email,
                     SecondFactorCode given, Function<SecondFactorAnswer, T> attempt) {
        SecondFactorAnswer answer = given == null ? null : given.wire();
        for (int asked = 0; ; asked++) {
            try {
                return attempt.apply(answer);
            } catch (SyncException.Rejected e) {
                if (!isSecondFactor(e)) {
                    throw e;
                }
                boolean wrong = ErrorCode.SECOND_FACTOR_WRONG.wire().equals(e.code());
                if (asked >= MAX_QUESTIONS) {
                    throw new SyncException.SecondFactorRefused();
                }
                answer = prompt.ask(new SecondFactorPrompt.Question(reason, email, wrong || answer != null,
                        asked + 1)).map(SecondFactorCode::wire).orElseThrow(SyncException.SecondFactorRequired::new);
            }
        }
    }
}
