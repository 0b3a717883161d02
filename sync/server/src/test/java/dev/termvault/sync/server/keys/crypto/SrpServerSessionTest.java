package dev.termvault.sync.server.keys.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.bouncycastle.crypto.agreement.srp.SRP6Client;
import org.bouncycastle.crypto.agreement.srp.SRP6Server;
import org.bouncycastle.crypto.agreement.srp.SRP6Util;
import org.bouncycastle.crypto.agreement.srp.SRP6VerifierGenerator;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.util.BigIntegers;
import org.junit.jupiter.api.Test;

class SrpServerSessionTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    private static BigInteger hex(JsonNode v, String field) {
        return new BigInteger(v.get(field).asText(), 16);
    }

    private static byte[] bytes(JsonNode v, String field) {
        return HexFormat.of().parseHex(v.get(field).asText());
    }

    /** BC's client with a fixed private value, as the RFC's vector needs. */
    static SRP6Client clientWithFixedA(BigInteger fixedA) {
        // (named so because SRP6Client has a field 'a' that would shadow it)
        return new SRP6Client() {
            @Override
            protected BigInteger selectPrivateValue() {
                return fixedA;
            }
        };
    }

    @Test
    void rfc5054AppendixB_vectorsMatchOurWiring() throws Exception {
        JsonNode v = TestVectors.read("rfc/srp_rfc5054.json");
        SrpGroup group = SrpGroup.RFC5054_1024_SHA1_VECTORS_ONLY;
        assertThat(v.get("H").asText()).isEqualTo("sha1");
        assertThat(group.n()).isEqualTo(hex(v, "N"));
        assertThat(group.g()).isEqualTo(hex(v, "g"));
        assertThat(SRP6Util.calculateK(new SHA1Digest(), group.n(), group.g())).isEqualTo(hex(v, "k"));

        byte[] salt = bytes(v, "s");
        byte[] identity = v.get("I").asText().getBytes(StandardCharsets.UTF_8);
        byte[] password = v.get("P").asText().getBytes(StandardCharsets.UTF_8);
        assertThat(SRP6Util.calculateX(new SHA1Digest(), group.n(), salt, identity, password)).isEqualTo(hex(v, "x"));
        SRP6VerifierGenerator generator = new SRP6VerifierGenerator();
        generator.init(group.parameters(), new SHA1Digest());
        BigInteger verifier = generator.generateVerifier(salt, identity, password);
        assertThat(verifier).isEqualTo(hex(v, "v"));

        SRP6Client client = clientWithFixedA(hex(v, "a"));
        client.init(group.parameters(), new SHA1Digest(), RANDOM);
        BigInteger bigA = client.generateClientCredentials(salt, identity, password);
        assertThat(bigA).isEqualTo(hex(v, "A"));

        BigInteger fixedB = hex(v, "b");
        SrpServerSession session = new SrpServerSession(group, new SRP6Server() {
            @Override
            protected BigInteger selectPrivateValue() {
                return fixedB;
            }
        }, verifier, RANDOM);
        BigInteger bigB = new BigInteger(1, session.publicB());
        assertThat(bigB).isEqualTo(hex(v, "B"));
        assertThat(SRP6Util.calculateU(new SHA1Digest(), group.n(), bigA, bigB)).isEqualTo(hex(v, "u"));
        assertThat(client.calculateSecret(bigB)).isEqualTo(hex(v, "S"));

        SrpServerSession.Proof proof = session.finish(BigIntegers.asUnsignedByteArray(bigA),
                BigIntegers.asUnsignedByteArray(client.calculateClientEvidenceMessage()));
        assertThat(client.verifyServerEvidenceMessage(new BigInteger(1, proof.m2()))).isTrue();
        assertThat(new BigInteger(1, proof.sessionKey())).isEqualTo(client.calculateSessionKey());
    }

    /** A client run of the production group; returns {A, M1} and leaves the client ready to check M2. */
    private static byte[][] clientProof(SRP6Client client, byte[] salt, byte[] id, byte[] pw, byte[] serverB)
            throws Exception {
        SrpGroup group = SrpGroup.RFC5054_4096_SHA256;
        client.init(group.parameters(), group.digest().get(), RANDOM);
        BigInteger a = client.generateClientCredentials(salt, id, pw);
        client.calculateSecret(new BigInteger(1, serverB));
        return new byte[][] {BigIntegers.asUnsignedByteArray(a),
            BigIntegers.asUnsignedByteArray(client.calculateClientEvidenceMessage())};
    }

    private static BigInteger verifier(byte[] salt, byte[] id, byte[] pw) {
        SrpGroup group = SrpGroup.RFC5054_4096_SHA256;
        SRP6VerifierGenerator generator = new SRP6VerifierGenerator();
        generator.init(group.parameters(), group.digest().get());
        return generator.generateVerifier(salt, id, pw);
    }

    @Test
    void production4096Sha256_rightPassword_bothEndsAgreeOnTheSessionKey() throws Exception {
        byte[] salt = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        byte[] id = "acct".getBytes(StandardCharsets.US_ASCII);
        byte[] pw = "right".getBytes(StandardCharsets.US_ASCII);
        SrpServerSession session = SrpServerSession.start(SrpGroup.RFC5054_4096_SHA256, verifier(salt, id, pw), new Secrets(RANDOM));
        assertThat(session.publicB()).hasSize(512);

        SRP6Client client = new SRP6Client();
        byte[][] am1 = clientProof(client, salt, id, pw, session.publicB());
        SrpServerSession.Proof proof = session.finish(am1[0], am1[1]);

        assertThat(client.verifyServerEvidenceMessage(new BigInteger(1, proof.m2()))).isTrue();
        assertThat(proof.sessionKey()).hasSize(32)
                .isEqualTo(BigIntegers.asUnsignedByteArray(32, client.calculateSessionKey()));
    }

    @Test
    void finish_wrongPassword_isRefusedAndTheSessionCannotBeRetried() throws Exception {
        byte[] salt = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        byte[] id = "acct".getBytes(StandardCharsets.US_ASCII);
        SrpServerSession session = SrpServerSession.start(SrpGroup.RFC5054_4096_SHA256,
                verifier(salt, id, "right".getBytes(StandardCharsets.US_ASCII)), new Secrets(RANDOM));
        byte[][] wrong = clientProof(new SRP6Client(), salt, id, "wrong".getBytes(StandardCharsets.US_ASCII),
                session.publicB());

        assertThatThrownBy(() -> session.finish(wrong[0], wrong[1])).isInstanceOf(GeneralSecurityException.class);
        assertThatThrownBy(() -> session.finish(wrong[0], wrong[1])).isInstanceOf(GeneralSecurityException.class);
    }

    @Test
    void finish_aEqualToZeroModN_isRefused() {
        SrpServerSession session = SrpServerSession.start(SrpGroup.RFC5054_4096_SHA256, BigInteger.TWO, new Secrets(RANDOM));
        byte[] n = BigIntegers.asUnsignedByteArray(SrpGroup.RFC5054_4096_SHA256.n());

        assertThatThrownBy(() -> session.finish(n, new byte[32])).isInstanceOf(GeneralSecurityException.class);
    }
}
