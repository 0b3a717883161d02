package dev.termvault.sync.server.keys.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.termvault.sync.server.keys.FakeClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TokenSignerTest {

    private final FakeClock clock = new FakeClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final ECKey key;
    private final TokenSigner signer;

    TokenSignerTest() throws Exception {
        key = TokenSigner.generateKey();
        signer = new TokenSigner(List.of(key), clock);
    }

    @Test
    void issueAccess_carriesTheAgreedHeaderAndClaims() throws Exception {
        SignedJWT jwt = SignedJWT.parse(signer.issueAccess("acct-1", "dev-1"));

        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
        assertThat(jwt.getHeader().getKeyID()).isEqualTo(key.getKeyID());
        JWTClaimsSet c = jwt.getJWTClaimsSet();
        assertThat(c.getIssuer()).isEqualTo("termvault-keys");
        assertThat(c.getSubject()).isEqualTo("acct-1");
        assertThat(c.getClaim("did")).isEqualTo("dev-1");
        assertThat(c.getJWTID()).isNotBlank();
        assertThat(c.getAudience()).containsExactly("termvault-keys", "termvault-blobs");
        assertThat(Duration.between(c.getIssueTime().toInstant(), c.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofMinutes(5));
        assertThat(signer.verifyAccess(jwt.serialize())).get()
                .extracting(TokenSigner.AccessClaims::accountId, TokenSigner.AccessClaims::deviceId)
                .containsExactly("acct-1", "dev-1");
    }

    @Test
    void revocationNotice_namesTheBlobAudience_andExpires() throws Exception {
        JWTClaimsSet c = SignedJWT.parse(new TokenSigner(List.of(key), clock, "blobs-eu")
                .issueRevocation("acct-1", "dev-1")).getJWTClaimsSet();

        assertThat(c.getAudience()).containsExactly("blobs-eu");
        assertThat(Duration.between(c.getIssueTime().toInstant(), c.getExpirationTime().toInstant()))
                .isEqualTo(TokenSigner.REVOCATION_LIFETIME);
    }

    @Test
    void verifyAccess_tokenWithoutTheKeyServiceAudience_isRefused() throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("termvault-keys").audience("termvault-blobs")
                .subject("acct-1").claim("did", "dev-1").issueTime(java.util.Date.from(clock.instant()))
                .expirationTime(java.util.Date.from(clock.instant().plusSeconds(300))).jwtID("j").build();
        SignedJWT jwt = new SignedJWT(new com.nimbusds.jose.JWSHeader.Builder(JWSAlgorithm.ES256)
                .keyID(key.getKeyID()).type(com.nimbusds.jose.JOSEObjectType.JWT).build(), claims);
        jwt.sign(new com.nimbusds.jose.crypto.ECDSASigner(key));

        assertThat(signer.verifyAccess(jwt.serialize())).isEmpty();
    }

    @Test
    void verifyAccess_expiredToken_isRefused() throws Exception {
        String token = signer.issueAccess("acct-1", "dev-1");
        clock.advance(Duration.ofMinutes(6));

        assertThat(signer.verifyAccess(token)).isEmpty();
    }

    @Test
    void verifyAccess_signedByAnotherKeyWithOurKid_isRefused() throws Exception {
        ECKey other = new com.nimbusds.jose.jwk.gen.ECKeyGenerator(com.nimbusds.jose.jwk.Curve.P_256)
                .keyID(key.getKeyID()).generate();
        String forged = new TokenSigner(List.of(other), clock).issueAccess("acct-1", "dev-1");

        assertThat(signer.verifyAccess(forged)).isEmpty();
    }

    @Test
    void verifyAccess_editedClaims_isRefused() throws Exception {
        String[] parts = signer.issueAccess("acct-1", "dev-1").split("\\.");
        String otherClaims = SignedJWT.parse(signer.issueAccess("acct-2", "dev-9")).getPayload().toBase64URL().toString();

        assertThat(signer.verifyAccess(parts[0] + "." + otherClaims + "." + parts[2])).isEmpty();
    }

    @Test
    void verifyAccess_unsignedOrRevocationOrForeignIssuer_isRefused() throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("termvault-keys").subject("acct-1").claim("did", "d")
                .issueTime(Date.from(clock.instant())).expirationTime(Date.from(clock.instant().plusSeconds(60))).build();
        assertThat(signer.verifyAccess(new PlainJWT(claims).serialize())).as("alg none").isEmpty();

        assertThat(signer.verifyAccess(signer.issueRevocation("acct-1", "dev-1"))).as("revocation").isEmpty();

        SignedJWT foreign = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(),
                new JWTClaimsSet.Builder(claims).issuer("someone-else").build());
        foreign.sign(new ECDSASigner(key));
        assertThat(signer.verifyAccess(foreign.serialize())).as("issuer").isEmpty();
        assertThat(signer.verifyAccess("not a token")).isEmpty();
    }

    @Test
    void publicJwks_holdsNoPrivatePart() {
        Map<String, Object> jwks = signer.publicJwks();

        assertThat(jwks.toString()).contains(key.getKeyID()).doesNotContain("\"d\"").doesNotContain(" d=");
        assertThat(((List<?>) jwks.get("keys"))).hasSize(1);
        assertThat(((Map<?, ?>) ((List<?>) jwks.get("keys")).getFirst()).containsKey("d")).isFalse();
    }
}
