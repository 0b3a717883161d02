package dev.termvault.sync.server.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/** A test signing key standing in for the key service: mints access and revocation tokens (ES256). */
public final class TestTokens {
    private final ECKey key;

    public TestTokens(String kid) {
        try {
            this.key = new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public TestTokens() {
        this("test-" + UUID.randomUUID());
    }

    public ECKey key() {
        return key;
    }

    /** Writes the PUBLIC key set a blob service reads. */
    public Path writeJwks(Path file) throws IOException {
        Files.writeString(file, new JWKSet(key.toPublicJWK()).toString(true));
        return file;
    }

    public String access(String account, String device) {
        return access(account, device, "termvault-keys", Instant.now(), Duration.ofMinutes(5));
    }

    public String access(String account, String device, String issuer, Instant issuedAt, Duration lifetime) {
        return access(account, device, issuer, "termvault-blobs", issuedAt, lifetime);
    }

    /** An access token naming {@code audience} (null: no audience at all). */
    public String access(String account, String device, String issuer, String audience, Instant issuedAt,
                         Duration lifetime) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer).audience(audience).subject(account)
                .claim("did", device)
                .issueTime(Date.from(issuedAt)).expirationTime(Date.from(issuedAt.plus(lifetime)))
                .jwtID(UUID.randomUUID().toString()).build();
        return sign(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(),
                claims);
    }

    public String revocation(String account, String device) {
        return revocation(account, device, Instant.now(), Duration.ofMinutes(10));
    }

    /** A revocation notice issued at {@code issuedAt}, expiring {@code lifetime} later (null: no expiry). */
    public String revocation(String account, String device, Instant issuedAt, Duration lifetime) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().audience("termvault-blobs").subject(account)
                .claim("did", device).issueTime(Date.from(issuedAt))
                .expirationTime(lifetime == null ? null : Date.from(issuedAt.plus(lifetime))).build();
        return sign(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID())
                .type(new JOSEObjectType("tv-revocation")).build(), claims);
    }

    public String sign(JWSHeader header, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(header, claims);
            jwt.sign(new ECDSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
