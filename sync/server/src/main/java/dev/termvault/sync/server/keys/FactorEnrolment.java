package dev.termvault.sync.server.keys;

import dev.termvault.sync.server.auth.Caller;
import dev.termvault.sync.protocol.keys.ConfirmSecondFactorRequest;
import dev.termvault.sync.protocol.keys.EnrolSecondFactorRequest;
import dev.termvault.sync.protocol.keys.RecoveryCodes;
import dev.termvault.sync.protocol.keys.RemoveSecondFactorRequest;
import dev.termvault.sync.protocol.keys.SecondFactorStatus;
import dev.termvault.sync.protocol.keys.TotpEnrolment;
import dev.termvault.sync.server.ApiException;
import dev.termvault.sync.server.keys.factor.SecondFactor;
import dev.termvault.sync.server.keys.factor.SecondFactors;
import dev.termvault.sync.server.keys.factor.TotpFactor;
import java.time.Clock;

/**
 * What a logged-in account does with its second factor: enrol (a fresh SRP proof), confirm with a first
 * code (which issues the recovery codes), remove (a fresh proof and a valid code or recovery code), and
 * read its status. Only ever the caller's own account.
 */
final class FactorEnrolment {

    private final KeyService keys;
    private final SecondFactors factors;
    private final Clock clock;

    FactorEnrolment(KeyService keys, SecondFactors factors, Clock clock) {
        this.keys = keys;
        this.factors = factors;
        this.clock = clock;
    }

    TotpEnrolment enrolTotp(Caller caller, EnrolSecondFactorRequest r, String address) {
        KeyService.Proven proven = keys.proveForCaller(caller, r.loginId(), r.a(), r.m1(), address, null, null);
        long confirmBefore = clock.millis() + SecondFactors.CONFIRM_WITHIN.toMillis();
        SecondFactor.Enrolment enrolment = factors.begin(caller.accountId(), proven.account().email(),
                TotpFactor.KIND, caller.deviceId(), address);
        return new TotpEnrolment(enrolment.setup().get("otpauthUri"), enrolment.setup().get("secret"),
                confirmBefore, proven.proof().m2());
    }

    RecoveryCodes confirmTotp(Caller caller, ConfirmSecondFactorRequest r, String address) {
        String code = Inputs.required(r.code(), "code");
        return new RecoveryCodes(factors.confirm(caller.accountId(), TotpFactor.KIND, code, caller.deviceId(),
                address));
    }

    void remove(Caller caller, RemoveSecondFactorRequest r, String address) {
        if (!factors.active(caller.accountId())) {
            keys.proveForCaller(caller, r.loginId(), r.a(), r.m1(), address, null, null);
        } else if (r.secondFactor() == null) {
            throw new ApiException.SecondFactorRequired("removing the second factor needs its code or a recovery"
                    + " code");
        } else {
            keys.proveForCaller(caller, r.loginId(), r.a(), r.m1(), address, r.secondFactor(),
                    SecondFactors.Purpose.REMOVAL);
        }
        factors.removeAll(caller.accountId(), caller.deviceId(), address);
    }

    SecondFactorStatus status(Caller caller) {
        return factors.status(caller.accountId());
    }
}
