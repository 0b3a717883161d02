package dev.termvault.sync.server.keys.factor;

import dev.termvault.sync.server.keys.crypto.MasterKey;
import dev.termvault.sync.server.keys.crypto.Secrets;
import dev.termvault.sync.server.keys.crypto.Totp;
import dev.termvault.sync.server.keys.crypto.WrappedKey;
import dev.termvault.sync.server.keys.store.StoredFactor;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * TOTP (RFC 6238: HMAC-SHA1, 6 digits, 30 s steps, one step of drift each way). The 160-bit secret is made
 * here, stored only wrapped by the master key under the context {@code termvault:totp:<account id>} (as the
 * service share is), and unwrapped only for one check. The counter is the last accepted time step.
 */
public final class TotpFactor implements SecondFactor {

    public static final String KIND = "totp";
    static final Totp.Parameters PARAMETERS = Totp.SHA1_6_DIGITS_30S;
    private static final int SECRET_BYTES = 20;
    private static final String ISSUER = "Termvault";

    private final MasterKey masterKey;
    private final Secrets secrets;

    public TotpFactor(MasterKey masterKey, Secrets secrets) {
        this.masterKey = masterKey;
        this.secrets = secrets;
    }

    /** The master-key context of an account's TOTP secret: binds the wrap to its account. */
    public static byte[] context(String accountId) {
        return ("termvault:totp:" + accountId).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Enrolment begin(String accountId, String email) throws GeneralSecurityException {
        byte[] secret = secrets.newBytes(SECRET_BYTES);
        try {
            byte[] stored = masterKey.wrap(secret, context(accountId)).toBytes();
            String base32 = Base32.encode(secret);
            String label = URLEncoder.encode(email, StandardCharsets.UTF_8).replace("%40", "@").replace("+", "%20");
            String uri = "otpauth://totp/" + ISSUER + ":" + label + "?secret=" + base32 + "&issuer=" + ISSUER;
            return new Enrolment(stored, Map.of("otpauthUri", uri, "secret", base32));
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    @Override
    public Optional<byte[]> rewrap(StoredFactor factor) throws GeneralSecurityException {
        WrappedKey wrapped = WrappedKey.parse(factor.secret());
        if (wrapped.version() >= masterKey.currentVersion()) {
            return Optional.empty();
        }
        return Optional.of(masterKey.rewrap(wrapped, context(factor.accountId())).toBytes());
    }

    @Override
    public OptionalLong verify(StoredFactor factor, String answer, long nowMillis) throws GeneralSecurityException {
        String code = answer == null ? "" : answer.replace(" ", "").strip();
        byte[] secret = masterKey.unwrap(WrappedKey.parse(factor.secret()), context(factor.accountId()));
        try {
            OptionalLong step = Totp.match(PARAMETERS, secret, code, nowMillis);
            return step.isPresent() && step.getAsLong() > factor.counter() ? step : OptionalLong.empty();
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }
}
