package dev.termvault.sync.client;

import dev.termvault.sync.protocol.keys.ConfirmSecondFactorRequest;
import dev.termvault.sync.protocol.keys.EnrolSecondFactorRequest;
import dev.termvault.sync.protocol.keys.RecoveryCodes;
import dev.termvault.sync.protocol.keys.RemoveSecondFactorRequest;
import dev.termvault.sync.protocol.keys.SecondFactorStatus;
import dev.termvault.sync.protocol.keys.TotpEnrolment;
import dev.termvault.vault.AccountSecrets;
import dev.termvault.vault.Vault;
import java.time.Instant;
import java.util.List;

/**
 * The account's second factor, for a logged-in session ({@link SyncClient#secondFactor}): its state, TOTP
 * enrolment (a fresh proof with the master password; the answer is the key URI to show as a QR code), the
 * confirmation with the app's first code (the answer is the ten recovery codes, to show once), and removal
 * (a fresh proof and a code, asked through the client's {@link SecondFactorPrompt} when not given).
 */
public final class SecondFactorSetup {

    /** What the authenticator app needs: the key URI (as a QR code) or the base32 secret (typed in). */
    public record TotpSetup(String otpauthUri, String secret, Instant confirmBefore) {
        @Override
        public String toString() {
            return "TotpSetup[confirmBefore=" + confirmBefore + "]";
        }
    }

    /** Whether logins ask for a code ({@code active}), an enrolment waits for its first code, and codes left. */
    public record State(boolean active, boolean pending, int recoveryCodesLeft) {
    }

    private final SyncClient client;
    private final AccountSession session;
    private final Http http;

    SecondFactorSetup(SyncClient client, AccountSession session) {
        this.client = client;
        this.session = session;
        this.http = client.http();
    }

    public State state() {
        SecondFactorStatus status = session.authorized(t -> http.call("GET",
                http.url("/v1/keys/account/second-factor"), t, null, SecondFactorStatus.class));
        return new State(status.factors().stream().anyMatch(SecondFactorStatus.Factor::active),
                status.factors().stream().anyMatch(f -> !f.active()), status.recoveryCodesLeft());
    }

    /**
     * Starts a TOTP enrolment, authorised by a fresh proof with the master password of this linked vault.
     * The factor is asked for only after {@link #confirmTotp}.
     *
     * @param password the master password; wiped before returning
     * @throws SyncException.Rejected with code {@code conflict} when the account already has an active factor
     */
    public TotpSetup enrolTotp(Vault vault, char[] password) {
        try (AccountSecrets secrets = vault.account().secrets(password)) {
            state();
            SrpLogin.FreshProof proof = client.freshProof(session.email(), secrets);
            TotpEnrolment enrolment = http.call("POST", http.url("/v1/keys/account/second-factor/totp"),
                    session.accessToken(), new EnrolSecondFactorRequest(proof.loginId(), proof.proof().a(),
                            proof.proof().m1()), TotpEnrolment.class);
            if (!proof.proof().verifyServer(enrolment.m2())) {
                throw new SyncException.ServerMisbehaved("the key service did not prove it knows the verifier");
            }
            return new TotpSetup(enrolment.otpauthUri(), enrolment.secret(),
                    Instant.ofEpochMilli(enrolment.confirmBefore()));
        }
    }

    /**
     * Confirms the enrolment with the app's current code; from now on logins ask for a code.
     *
     * @return the ten one-time recovery codes: show them once, the server keeps only their hashes
     * @throws SyncException.SecondFactorRefused when the code is wrong (check the clocks)
     */
    public List<String> confirmTotp(String code) {
        try {
            return session.authorized(t -> http.call("POST", http.url("/v1/keys/account/second-factor/totp/confirm"),
                    t, new ConfirmSecondFactorRequest(code.replace(" ", "")), RecoveryCodes.class)).recoveryCodes();
        } catch (SyncException.Rejected e) {
            if (SecondFactorRetry.isSecondFactor(e)) {
                throw new SyncException.SecondFactorRefused();
            }
            throw e;
        }
    }

    /**
     * Removes the second factor: a fresh proof with the master password and a code ({@code code}, or asked
     * through the prompt when null).
     *
     * @param password the master password; wiped before returning
     */
    public void remove(Vault vault, char[] password, SecondFactorCode code) {
        try (AccountSecrets secrets = vault.account().secrets(password)) {
            state();
            SecondFactorRetry.run(client.secondFactorPrompt(), SecondFactorPrompt.Reason.REMOVE_SECOND_FACTOR,
                    session.email(), code, answer -> {
                        SrpLogin.FreshProof proof = client.freshProof(session.email(), secrets);
                        return http.call("POST", http.url("/v1/keys/account/second-factor/remove"),
                                session.accessToken(), new RemoveSecondFactorRequest(proof.loginId(),
                                        proof.proof().a(), proof.proof().m1(), answer), null);
                    });
        }
    }

    @Override
    public String toString() {
        return "SecondFactorSetup[" + session + "]";
    }
}
