package dev.termvault.sync.server.keys.crypto;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.GeneralSecurityException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Signs the key service's tokens with ES256 (nimbus-jose-jwt) and checks its own access tokens.
 *
 * <p>Access token: header {@code alg} ES256, {@code kid}, {@code typ} "JWT"; claims {@code iss}
 * "termvault-keys", {@code aud} ["termvault-keys", the blob service's audience], {@code sub} account id,
 * {@code did} device id, {@code iat}, {@code exp} (iat + 5 minutes), {@code jti}. Revocation notice: header
 * {@code typ} "tv-revocation"; claims {@code iss}, {@code aud} [the blob service's audience], {@code sub},
 * {@code did}, {@code iat}, {@code exp} (iat + 10 minutes), {@code jti}. The key service accepts only access
 * tokens whose audience names it.
 */
public final class TokenSigner {

    public static final String ISSUER = "termvault-keys";
    public static final Duration ACCESS_LIFETIME = Duration.ofMinutes(5);
    public static final JOSEObjectType REVOCATION_TYPE = new JOSEObjectType("tv-revocation");
    /** The audience naming the key service itself. */
    public static final String KEYS_AUDIENCE = "termvault-keys";
    /** The blob service's audience unless configured otherwise ({@code keys.token.audience}). */
    public static final String DEFAULT_BLOBS_AUDIENCE = "termvault-blobs";
    public static final Duration REVOCATION_LIFETIME = Duration.ofMinutes(10);
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

    /** What a valid access token says. */
    public record AccessClaims(String accountId, String deviceId, String tokenId, Instant expiresAt) {
    }

    private final ECKey signingKey;
    private final List<ECKey> verificationKeys;
    private final Clock clock;
    private final String blobsAudience;

    /** {@code keys.get(0)} signs; every key in the list verifies (older keys after a signing-key change). */
    public TokenSigner(List<ECKey> keys, Clock clock) {
        this(keys, clock, DEFAULT_BLOBS_AUDIENCE);
    }

    /** As above, naming {@code blobsAudience} as the blob service's audience in the tokens. */
    public TokenSigner(List<ECKey> keys, Clock clock, String blobsAudience) {
        this.signingKey = keys.getFirst();
        this.verificationKeys = List.copyOf(keys);
        this.clock = clock;
        this.blobsAudience = blobsAudience;
    }

    /** A new P-256 signing key with a random key id. */
    public static ECKey generateKey() throws GeneralSecurityException {
        try {
            return new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256)
                    .keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new GeneralSecurityException("cannot generate the token signing key");
        }
    }

    public String issueAccess(String accountId, String deviceId) throws GeneralSecurityException {
        Instant now = clock.instant();
        return sign(JOSEObjectType.JWT, new JWTClaimsSet.Builder().issuer(ISSUER)
                .audience(List.of(KEYS_AUDIENCE, blobsAudience)).subject(accountId).claim("did", deviceId).issueTime(Date.from(now)).expirationTime(Date.from(now.plus(ACCESS_LIFETIME)))
                .jwtID(UUID.randomUUID().toString()).build());
    }

    public String issueRevocation(String accountId, String deviceId) throws GeneralSecurityException {
        Instant now = clock.instant();
        return sign(REVOCATION_TYPE, new JWTClaimsSet.Builder().issuer(ISSUER).audience(blobsAudience)
                .subject(accountId).claim("did", deviceId).issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(REVOCATION_LIFETIME))).jwtID(UUID.randomUUID().toString()).build());
    }

    private String sign(JOSEObjectType type, JWTClaimsSet claims) throws GeneralSecurityException {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(type)
                    .keyID(signingKey.getKeyID()).build(), claims);
            jwt.sign(new ECDSASigner(signingKey));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new GeneralSecurityException("cannot sign a token");
        }
    }

    /** The claims of a valid, unexpired access token signed by one of our keys; empty for anything else. */
    public Optional<AccessClaims> verifyAccess(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            JWSHeader header = jwt.getHeader();
            if (!JWSAlgorithm.ES256.equals(header.getAlgorithm())
                    || (header.getType() != null && !JOSEObjectType.JWT.equals(header.getType()))) {
                return Optional.empty();
            }
            ECKey key = verificationKeys.stream().filter(k -> k.getKeyID().equals(header.getKeyID()))
                    .findFirst().orElse(null);
            if (key == null || !jwt.verify(new ECDSAVerifier(key.toPublicJWK()))) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Instant now = clock.instant();
            Object did = claims.getClaim("did");
            if (!ISSUER.equals(claims.getIssuer()) || !claims.getAudience().contains(KEYS_AUDIENCE)
                    || claims.getSubject() == null || !(did instanceof String device)
                    || claims.getExpirationTime() == null || claims.getIssueTime() == null
                    || !claims.getExpirationTime().toInstant().plus(CLOCK_SKEW).isAfter(now)
                    || claims.getIssueTime().toInstant().minus(CLOCK_SKEW).isAfter(now)) {
                return Optional.empty();
            }
            return Optional.of(new AccessClaims(claims.getSubject(), device, claims.getJWTID(),
                    claims.getExpirationTime().toInstant()));
        } catch (ParseException | JOSEException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The public keys, as the JSON object served at {@code GET /v1/keys/jwks}. */
    public Map<String, Object> publicJwks() {
        return new JWKSet(verificationKeys.stream().map(k -> (com.nimbusds.jose.jwk.JWK) k.toPublicJWK()).toList())
                .toJSONObject(true);
    }

    /** The same public key set as JSON text. */
    public String publicJwksJson() {
        return new JWKSet(verificationKeys.stream().map(k -> (com.nimbusds.jose.jwk.JWK) k.toPublicJWK()).toList())
                .toString(true);
    }

    @Override
    public String toString() {
        return "TokenSigner[kid=" + signingKey.getKeyID() + "]";
    }
}
