package dev.termvault.sync.server.auth;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.termvault.sync.server.ApiException;
import java.text.ParseException;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Set;

/**
 * Verifies the key service's tokens with its PUBLIC keys alone ({@link TokenKeys}).
 *
 * <p>Access tokens: JWS ES256 with a {@code kid} the key set knows, header {@code typ} absent, "JWT" or
 * "at+jwt"; claims {@code iss} = the configured issuer ("termvault-keys"), {@code aud} naming the configured
 * audience ("termvault-blobs"), {@code sub} (account), {@code did} (device), {@code iat}, {@code exp},
 * {@code jti}; not expired (60 s skew); the device not revoked.
 *
 * <p>Revocation notices: the same keys, header {@code typ} "tv-revocation", claims {@code aud} (the same
 * audience), {@code sub}, {@code did}, {@code iat}, {@code exp}; not expired (60 s skew). Because the
 * {@code typ} differs, neither kind is accepted in place of the other.
 *
 * <p>Failures say only "invalid token": which check failed is not told to the caller.
 */
public final class AccessTokenVerifier {
    public static final String DEFAULT_ISSUER = "termvault-keys";
    public static final String DEFAULT_AUDIENCE = "termvault-blobs";
    public static final JOSEObjectType REVOCATION_TYPE = new JOSEObjectType("tv-revocation");

    private final DefaultJWTProcessor<SecurityContext> accessProcessor;
    private final DefaultJWTProcessor<SecurityContext> revocationProcessor;
    private final RevokedDevices revoked;

    public AccessTokenVerifier(TokenKeys keys, String issuer, Clock clock, RevokedDevices revoked) {
        this(keys, issuer, DEFAULT_AUDIENCE, clock, revoked);
    }

    public AccessTokenVerifier(TokenKeys keys, String issuer, String audience, Clock clock, RevokedDevices revoked) {
        this.revoked = revoked;
        JWKSource<SecurityContext> source = (selector, ctx) -> {
            List<JWK> found = selector.select(keys.keys());
            if (found.isEmpty() && keys.refresh()) {
                found = selector.select(keys.keys());
            }
            return found;
        };
        accessProcessor = processor(source, new DefaultJOSEObjectTypeVerifier<>(
                JOSEObjectType.JWT, new JOSEObjectType("at+jwt"), null),
                new ClockedClaimsVerifier(audience, new JWTClaimsSet.Builder().issuer(issuer).build(),
                        Set.of("iss", "aud", "sub", "did", "iat", "exp", "jti"), clock));
        revocationProcessor = processor(source, new DefaultJOSEObjectTypeVerifier<>(REVOCATION_TYPE),
                new ClockedClaimsVerifier(audience, new JWTClaimsSet.Builder().build(),
                        Set.of("aud", "sub", "did", "iat", "exp"), clock));
    }

    private static DefaultJWTProcessor<SecurityContext> processor(JWKSource<SecurityContext> source,
            DefaultJOSEObjectTypeVerifier<SecurityContext> typ, DefaultJWTClaimsVerifier<SecurityContext> claims) {
        DefaultJWTProcessor<SecurityContext> p = new DefaultJWTProcessor<>();
        p.setJWSTypeVerifier(typ);
        p.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.ES256, source));
        p.setJWTClaimsSetVerifier(claims);
        return p;
    }

    /** The caller of a valid, unrevoked access token; {@code unauthorized} otherwise. */
    public Caller verify(String token) {
        JWTClaimsSet claims = process(accessProcessor, token);
        String account = claims.getSubject();
        String device = stringClaim(claims, "did");
        if (account == null || account.isBlank() || device == null || device.isBlank()) {
            throw new ApiException.Unauthorized("invalid token");
        }
        if (revoked.isRevoked(device)) {
            throw new ApiException.DeviceRevoked("this device's access was revoked");
        }
        return new Caller(account, device);
    }

    /** A valid revocation notice; {@code unauthorized} otherwise. */
    public Revocation verifyRevocation(String token) {
        JWTClaimsSet claims = process(revocationProcessor, token);
        String device = stringClaim(claims, "did");
        if (claims.getSubject() == null || device == null || device.isBlank()) {
            throw new ApiException.Unauthorized("invalid revocation");
        }
        return new Revocation(claims.getSubject(), device, claims.getIssueTime().toInstant());
    }

    private static JWTClaimsSet process(DefaultJWTProcessor<SecurityContext> processor, String token) {
        if (token == null || token.isBlank() || token.length() > 8192) {
            throw new ApiException.Unauthorized("invalid token");
        }
        try {
            return processor.process(token, null);
        } catch (ParseException | BadJOSEException | com.nimbusds.jose.JOSEException | RuntimeException e) {
            throw new ApiException.Unauthorized("invalid token");
        }
    }

    private static String stringClaim(JWTClaimsSet claims, String name) {
        try {
            return claims.getStringClaim(name);
        } catch (ParseException e) {
            return null;
        }
    }

    /** Takes "now" from the injected clock instead of the system's. */
    private static final class ClockedClaimsVerifier extends DefaultJWTClaimsVerifier<SecurityContext> {
        private final Clock clock;

        ClockedClaimsVerifier(String audience, JWTClaimsSet exact, Set<String> required, Clock clock) {
            super(Set.of(audience), exact, required, null);
            this.clock = clock;
        }

        @Override
        protected Date currentTime() {
            return Date.from(clock.instant());
        }
    }
}
