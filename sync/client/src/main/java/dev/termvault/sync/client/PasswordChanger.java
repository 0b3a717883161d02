package dev.termvault.sync.client;

import dev.termvault.sync.client.srp.SrpClient;
import dev.termvault.sync.protocol.keys.ChangeVerifierRequest;
import dev.termvault.sync.protocol.keys.ChangeVerifierResponse;
import dev.termvault.sync.protocol.keys.LoginStartResponse;
import dev.termvault.sync.protocol.keys.WireKdfParams;
import dev.termvault.vault.AccountSecrets;
import dev.termvault.vault.KdfParams;
import dev.termvault.vault.PasswordChange;
import dev.termvault.vault.Vault;
import dev.termvault.vault.VaultException;
import dev.termvault.vault.VaultKeyWraps;
import dev.termvault.vault.secret.SecretBytes;
import dev.termvault.vault.sync.SyncLink;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The master-password change of a synced vault (docs/security/key-hierarchy.md, "Changing the master
 * password of a synced vault"). The three stores that hold password-derived material cannot change in one
 * transaction, so the steps are ordered such that after each one either the old or the new password works:
 *
 * <ol>
 *   <li>Check the current password against this vault and derive the new K_user (new salt, same Secret
 *       Key). Log in with the current password; check the released share and the served vault keys.</li>
 *   <li>Key service: replace salt, parameters and verifier, authorised by the access token and a fresh SRP
 *       proof with the current password. From here the key service accepts only the new password; this
 *       device still unlocks offline with the old one and knows the vault keys.</li>
 *   <li>Blob service: replace every wrapped vault key with a re-wrap under the new K_acct at a newer
 *       account-key epoch, in one transaction.</li>
 *   <li>This vault: new salt, S under the new K_local, the re-wrapped keys; one local transaction.</li>
 * </ol>
 *
 * A run that finds the key service's salt already different from this vault's (step 2 done, 3 or 4 not)
 * logs in with the NEW password instead, checks that the released share is the one this vault caches, and
 * carries on from step 3 (skipping it if the blob service already holds the matching re-wrap).
 */
final class PasswordChanger {

    private static final Logger LOG = LoggerFactory.getLogger(PasswordChanger.class);

    private final SyncClient client;

    PasswordChanger(SyncClient client) {
        this.client = client;
    }

    AccountSession change(Vault vault, char[] currentPassword, char[] newPassword) {
        SyncLink link;
        LoginStartResponse start;
        boolean resuming;
        try {
            link = vault.account().syncLink().orElseThrow(SyncException.NotLinked::new);
            start = client.start(link.email());
            SyncClient.checkKdf(start.kdf());
            resuming = !Arrays.equals(start.salt(), vault.account().salt());
        } catch (RuntimeException e) {
            Arrays.fill(currentPassword, '\0');
            Arrays.fill(newPassword, '\0');
            throw e;
        }
        String email = link.email();
        UUID vaultId = vault.vaultId();
        try (PasswordChange change = vault.account().beginPasswordChange(currentPassword, newPassword,
                resuming ? start.salt() : null, resuming ? vaultKdf(start.kdf()) : null)) {
            SyncClient.Login login = logIn(change, resuming, email, vault.deviceId(), start);
            try (SecretBytes share = login.share()) {
                if (!change.holdsShare(share)) {
                    throw new SyncException.ServerMisbehaved("the key service released a different service share");
                }
                AccountSession session = new AccountSession(client, login.response(), email);
                Map<Integer, byte[]> served = session.wrappedKeys(vaultId);
                boolean alreadyRewrapped = resuming && change.matchesNewKey(share, served);
                if (!alreadyRewrapped) {
                    requireSameAsLocal(change.storedWraps(), served);
                }
                if (!resuming) {
                    replaceVerifier(session, email, change);
                    LOG.info("Changed the master password on the key service");
                }
                Map<Integer, byte[]> wraps = alreadyRewrapped ? served : rewrap(change, share, served, session, vaultId);
                change.commit(share, wraps);
                return session;
            }
        }
    }

    /** Logs in for the change: with the current password, or (resuming a change) with the new one. */
    private SyncClient.Login logIn(PasswordChange change, boolean resuming, String email, UUID deviceId,
            LoginStartResponse start) {
        if (!resuming) {
            return client.login(email, change.current(), deviceId, start, SecondFactorPrompt.Reason.PASSWORD_CHANGE);
        }
        try {
            return client.login(email, change.next(), deviceId, start, SecondFactorPrompt.Reason.PASSWORD_CHANGE);
        } catch (SyncException.LoginFailed e) {
            throw SyncException.LoginFailed.credentialsRefused("The account no longer accepts this vault's"
                    + " password, and not the new one either: if the master password was changed on another"
                    + " device, log in with that password");
        }
    }

    /** Re-wraps the vault keys under the new account key at the next epoch and stores them on the blob service. */
    private static Map<Integer, byte[]> rewrap(PasswordChange change, SecretBytes share, Map<Integer, byte[]> served,
            AccountSession session, UUID vaultId) {
        int epoch = Math.max(VaultKeyWraps.maxEpoch(served), VaultKeyWraps.maxEpoch(change.storedWraps())) + 1;
        Map<Integer, byte[]> wraps;
        try {
            wraps = change.rewrap(share, epoch, served);
        } catch (VaultException.Tampered e) {
            throw new SyncException.ServerMisbehaved("a wrapped vault key does not open under the "
                    + "account's key (swapped or foreign)");
        }
        session.rewrapKeys(vaultId, epoch, wraps);
        LOG.info("Re-wrapped the vault keys on the blob service at epoch {}", epoch);
        return wraps;
    }

    Optional<AccountSession> adopt(Vault vault, char[] newPassword) {
        try {
            SyncLink link = vault.account().syncLink().orElseThrow(SyncException.NotLinked::new);
            LoginStartResponse start = client.start(link.email());
            SyncClient.checkKdf(start.kdf());
            if (Arrays.equals(start.salt(), vault.account().salt())) {
                return Optional.empty();
            }
            UUID vaultId = vault.vaultId();
            Map<Integer, byte[]> local = vault.account().wrappedVaultKeys();
            try (AccountSecrets next = vault.account().secretsFor(newPassword, start.salt(), vaultKdf(start.kdf()))) {
                SyncClient.Login login = client.login(link.email(), next, vault.deviceId(), start);
                try (SecretBytes share = login.share()) {
                    AccountSession session = new AccountSession(client, login.response(), link.email());
                    Map<Integer, byte[]> served = session.wrappedKeys(vaultId);
                    if (VaultKeyWraps.maxEpoch(served) <= VaultKeyWraps.maxEpoch(local)) {
                        throw new SyncException.LoginFailed("The master-password change started on another device "
                                + "has not finished: run the change again there with the same two passwords");
                    }
                    try {
                        vault.account().adoptPasswordChange(next, share, served);
                    } catch (VaultException.Tampered e) {
                        throw new SyncException.ServerMisbehaved("a wrapped vault key is missing or does not open "
                                + "under the account's new key (swapped or foreign)");
                    }
                    LOG.info("Took over the master-password change made on another device");
                    return Optional.of(session);
                }
            }
        } finally {
            Arrays.fill(newPassword, '\0');
        }
    }

    /**
     * Step 2: a fresh SRP proof with the current password (and, when the account has one, a second-factor code:
     * the next one, since the login of step 1 used the current one) authorises the new salt, parameters and
     * verifier.
     */
    private void replaceVerifier(AccountSession session, String email, PasswordChange change) {
        AccountSecrets next = change.next();
        byte[] verifier;
        try (SecretBytes srp = next.srpSecret()) {
            verifier = SrpClient.verifier(email, next.salt(), srp);
        }
        SecondFactorRetry.run(client.secondFactorPrompt(), SecondFactorPrompt.Reason.PASSWORD_CHANGE, email, null,
                answer -> {
                    replaceVerifierOnce(session, email, change, verifier, answer);
                    return null;
                });
    }

    private void replaceVerifierOnce(AccountSession session, String email, PasswordChange change, byte[] verifier,
                                     dev.termvault.sync.protocol.keys.SecondFactorAnswer answer) {
        AccountSecrets next = change.next();
        var kdf = next.kdfParams();
        LoginStartResponse again = client.start(email);
        SyncClient.checkKdf(again.kdf());
        if (!Arrays.equals(again.salt(), change.current().salt())) {
            throw new SyncException.PasswordChanged();
        }
        try (SecretBytes srp = change.current().srpSecret()) {
            SrpClient.Proof proof = SrpClient.prove(email, again.salt(), srp, again.b());
            ChangeVerifierResponse response = session.changeVerifier(new ChangeVerifierRequest(again.loginId(),
                    proof.a(), proof.m1(), next.salt(), new WireKdfParams(WireKdfParams.ARGON2ID, kdf.memoryKiB(),
                    kdf.iterations(), kdf.parallelism()), verifier, answer));
            if (response == null || !proof.verifyServer(response.m2())) {
                throw new SyncException.ServerMisbehaved("the key service did not prove it knows the verifier");
            }
        } catch (GeneralSecurityException e) {
            throw new SyncException.ServerMisbehaved("the key service's answer does not verify");
        }
    }

    /** The served wraps of every version this device holds must be the bytes it holds (else swapped). */
    private static void requireSameAsLocal(Map<Integer, byte[]> local, Map<Integer, byte[]> served) {
        for (Map.Entry<Integer, byte[]> mine : local.entrySet()) {
            byte[] theirs = served.get(mine.getKey());
            if (theirs == null || !Arrays.equals(theirs, mine.getValue())) {
                throw new SyncException.ServerMisbehaved("a wrapped vault key was swapped or is missing");
            }
        }
    }

    private static KdfParams vaultKdf(WireKdfParams kdf) {
        return new KdfParams(kdf.memoryKib(), kdf.iterations(), kdf.parallelism());
    }
}
