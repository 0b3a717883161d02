package dev.termvault.sync.client;

import dev.termvault.sync.client.srp.SrpClient;
import dev.termvault.sync.protocol.ErrorCode;
import dev.termvault.sync.protocol.keys.DeviceInfo;
import dev.termvault.sync.protocol.keys.LoginFinishRequest;
import dev.termvault.sync.protocol.keys.LoginFinishResponse;
import dev.termvault.sync.protocol.keys.LoginStartResponse;
import dev.termvault.sync.protocol.keys.SecondFactorAnswer;
import dev.termvault.vault.AccountSecrets;
import dev.termvault.vault.secret.SecretBytes;
import java.security.GeneralSecurityException;
import java.util.Arrays;

/**
 * One SRP exchange with the key service after a login/start: the proof, and for a login the finish with the
 * checks of the answer (M2, the sealed share). A refusal for the second factor is passed on as it is, for
 * {@link SecondFactorRetry} to ask and run again.
 */
final class SrpLogin {

    /** A proof made for one loginId, for a request that carries it besides the token. */
    record FreshProof(String loginId, SrpClient.Proof proof) {
    }

    private final Http http;

    SrpLogin(Http http) {
        this.http = http;
    }

    FreshProof fresh(String email, AccountSecrets secrets, LoginStartResponse start) {
        SyncClient.checkKdf(start.kdf());
        if (!Arrays.equals(start.salt(), secrets.salt())) {
            throw new SyncException.PasswordChanged();
        }
        try (SecretBytes srp = secrets.srpSecret()) {
            return new FreshProof(start.loginId(), SrpClient.prove(email, start.salt(), srp, start.b()));
        } catch (GeneralSecurityException e) {
            throw new SyncException.ServerMisbehaved("the login answer does not verify");
        }
    }

    SyncClient.Login finish(String email, AccountSecrets secrets, DeviceInfo device, LoginStartResponse start,
                            SecondFactorAnswer answer) {
        SrpClient.Proof proof = fresh(email, secrets, start).proof();
        LoginFinishResponse response;
        try {
            response = http.call("POST", http.url("/v1/keys/login/finish"), null,
                    new LoginFinishRequest(start.loginId(), proof.a(), proof.m1(), device, answer),
                    LoginFinishResponse.class);
        } catch (SyncException.Rejected e) {
            if (SecondFactorRetry.isSecondFactor(e)) {
                throw e;
            }
            if (e.status() == 403 && ErrorCode.FORBIDDEN.wire().equals(e.code())) {
                // the one refusal of a correct proof: this device id was revoked
                throw new SyncException.DeviceRevoked();
            }
            if (e.status() == 401 || e.status() == 403) {
                throw SyncException.LoginFailed.credentialsRefused("The email, password or Secret Key is wrong");
            }
            throw e;
        }
        if (!proof.verifyServer(response.m2())) {
            throw new SyncException.ServerMisbehaved("the key service did not prove it knows the verifier");
        }
        try (SecretBytes sessionKey = proof.sessionKey()) {
            return new SyncClient.Login(response, SrpClient.openShare(sessionKey, start.loginId(),
                    response.accountId(), device.id(), response.sealedShare()));
        } catch (GeneralSecurityException e) {
            throw new SyncException.ServerMisbehaved("the login answer does not verify");
        }
    }
}
