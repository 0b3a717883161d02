package dev.termvault.sync.server.keys;

import dev.termvault.sync.protocol.keys.ChangeVerifierRequest;
import dev.termvault.sync.protocol.keys.ConfirmSecondFactorRequest;
import dev.termvault.sync.protocol.keys.DeviceInfo;
import dev.termvault.sync.protocol.keys.EnrolSecondFactorRequest;
import dev.termvault.sync.protocol.keys.LoginFinishRequest;
import dev.termvault.sync.protocol.keys.RecoveryCodes;
import dev.termvault.sync.protocol.keys.RemoveSecondFactorRequest;
import dev.termvault.sync.protocol.keys.SecondFactorAnswer;
import dev.termvault.sync.protocol.keys.TotpEnrolment;
import dev.termvault.sync.server.keys.crypto.Totp;
import dev.termvault.sync.server.support.PinnedHttp;
import java.net.http.HttpResponse;
import java.time.Clock;

/**
 * The second-factor end of the key service for tests, over real HTTPS, next to {@link KeysClient}: enrol,
 * confirm, remove, and logins and verifier changes that carry an answer. Codes are made the way an
 * authenticator app makes them, from the base32 secret of the enrolment and the time of {@code clock}.
 */
final class FactorClient {

    private final KeysClient keys;
    private final Clock clock;

    FactorClient(KeysClient keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    HttpResponse<String> enrol(String token, KeysClient.Proof proof) {
        return keys.http().sendJson("POST", "/v1/keys/account/second-factor/totp", token,
                new EnrolSecondFactorRequest(proof.loginId(), proof.a(), proof.m1()));
    }

    HttpResponse<String> confirm(String token, String code) {
        return keys.http().sendJson("POST", "/v1/keys/account/second-factor/totp/confirm", token,
                new ConfirmSecondFactorRequest(code));
    }

    /** Enrols and confirms with the current code; the secret (raw bytes) and the recovery codes. */
    Enrolled enrolAndConfirm(String token, String email, String password) throws Exception {
        HttpResponse<String> r = enrol(token, keys.prove(email, password));
        if (r.statusCode() != 200) {
            throw new IllegalStateException("enrolment answered " + r.statusCode() + " " + r.body());
        }
        TotpEnrolment enrolment = PinnedHttp.read(r, TotpEnrolment.class);
        byte[] secret = base32(enrolment.secret());
        HttpResponse<String> confirmed = confirm(token, code(secret, 0));
        if (confirmed.statusCode() != 200) {
            throw new IllegalStateException("confirmation answered " + confirmed.statusCode() + " " + confirmed.body());
        }
        return new Enrolled(enrolment, secret, PinnedHttp.read(confirmed, RecoveryCodes.class));
    }

    record Enrolled(TotpEnrolment enrolment, byte[] secret, RecoveryCodes codes) {
    }

    /** The code an app shows now, {@code stepsOff} time steps away from the clock's. */
    String code(byte[] secret, int stepsOff) {
        Totp.Parameters p = Totp.SHA1_6_DIGITS_30S;
        return Totp.code(p, secret, Totp.step(p, clock.millis()) + stepsOff);
    }

    HttpResponse<String> finish(KeysClient.Proof p, String deviceId, SecondFactorAnswer answer) {
        return keys.http().sendJson("POST", "/v1/keys/login/finish", null, new LoginFinishRequest(p.loginId(), p.a(),
                p.m1(), new DeviceInfo(deviceId, "device " + deviceId), answer));
    }

    HttpResponse<String> changePassword(String token, String email, String oldPassword, String newPassword,
                                        SecondFactorAnswer answer) throws Exception {
        KeysClient.Proof p = keys.prove(email, oldPassword);
        byte[] salt = KeysClient.salt();
        return keys.http().sendJson("POST", "/v1/keys/account/password", token, new ChangeVerifierRequest(p.loginId(),
                p.a(), p.m1(), salt, KeysClient.KDF, KeysClient.verifier(email, newPassword, salt), answer));
    }

    HttpResponse<String> remove(String token, KeysClient.Proof p, SecondFactorAnswer answer) {
        return keys.http().sendJson("POST", "/v1/keys/account/second-factor/remove", token,
                new RemoveSecondFactorRequest(p.loginId(), p.a(), p.m1(), answer));
    }

    /** RFC 4648 base32 without padding, as an authenticator app reads the secret. */
    static byte[] base32(String text) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        byte[] out = new byte[text.length() * 5 / 8];
        int buffer = 0;
        int bits = 0;
        int n = 0;
        for (char c : text.toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out[n++] = (byte) (buffer >> (bits - 8));
                bits -= 8;
            }
        }
        return out;
    }
}
