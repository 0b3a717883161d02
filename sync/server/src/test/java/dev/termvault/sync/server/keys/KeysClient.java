package dev.termvault.sync.server.keys;

import dev.termvault.sync.protocol.keys.ChangeVerifierRequest;
import dev.termvault.sync.protocol.keys.DeviceInfo;
import dev.termvault.sync.protocol.keys.WireKdfParams;
import dev.termvault.sync.protocol.keys.LoginFinishRequest;
import dev.termvault.sync.protocol.keys.LoginFinishResponse;
import dev.termvault.sync.protocol.keys.LoginStartRequest;
import dev.termvault.sync.protocol.keys.LoginStartResponse;
import dev.termvault.sync.protocol.keys.SignupRequest;
import dev.termvault.sync.server.keys.crypto.ShareSealer;
import dev.termvault.sync.server.keys.crypto.SrpGroup;
import dev.termvault.sync.server.support.PinnedHttp;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.bouncycastle.crypto.agreement.srp.SRP6Client;
import org.bouncycastle.crypto.agreement.srp.SRP6VerifierGenerator;
import org.bouncycastle.util.BigIntegers;

/**
 * The client end of the key service for tests, over real HTTPS: Bouncy Castle's SRP6Client with the
 * production group. The "password" here stands for the bytes a real client derives from K_user.
 */
public final class KeysClient {

    public static final WireKdfParams KDF = new WireKdfParams("argon2id", 65_536, 3, 4);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final SrpGroup GROUP = SrpGroup.RFC5054_4096_SHA256;

    private final PinnedHttp http;

    public KeysClient(PinnedHttp http) {
        this.http = http;
    }

    public PinnedHttp http() {
        return http;
    }

    public static byte[] salt() {
        byte[] s = new byte[16];
        RANDOM.nextBytes(s);
        return s;
    }

    public static byte[] verifier(String email, String password, byte[] salt) {
        SRP6VerifierGenerator gen = new SRP6VerifierGenerator();
        gen.init(GROUP.parameters(), GROUP.digest().get());
        return BigIntegers.asUnsignedByteArray(gen.generateVerifier(salt, email.getBytes(StandardCharsets.UTF_8),
                password.getBytes(StandardCharsets.UTF_8)));
    }

    public HttpResponse<String> signup(String email, String password, String deviceId) {
        byte[] salt = salt();
        return http.sendJson("POST", "/v1/keys/signup", null, new SignupRequest(email, salt, KDF,
                verifier(email, password, salt), new DeviceInfo(deviceId, "device " + deviceId)));
    }

    /** An SRP proof for a fresh login/start: the login id, A, M1, and the client to check M2 and derive K. */
    public record Proof(String loginId, byte[] a, byte[] m1, SRP6Client client, LoginStartResponse start) {
        public byte[] sessionKey() throws Exception {
            return BigIntegers.asUnsignedByteArray(32, client.calculateSessionKey());
        }
    }

    public Proof prove(String email, String password) throws Exception {
        HttpResponse<String> r = http.sendJson("POST", "/v1/keys/login/start", null, new LoginStartRequest(email));
        if (r.statusCode() != 200) {
            throw new IllegalStateException("login/start answered " + r.statusCode() + " " + r.body());
        }
        LoginStartResponse start = PinnedHttp.read(r, LoginStartResponse.class);
        SRP6Client client = new SRP6Client();
        client.init(GROUP.parameters(), GROUP.digest().get(), RANDOM);
        BigInteger a = client.generateClientCredentials(start.salt(), email.getBytes(StandardCharsets.UTF_8),
                password.getBytes(StandardCharsets.UTF_8));
        client.calculateSecret(new BigInteger(1, start.b()));
        return new Proof(start.loginId(), BigIntegers.asUnsignedByteArray(a),
                BigIntegers.asUnsignedByteArray(client.calculateClientEvidenceMessage()), client, start);
    }

    public HttpResponse<String> finish(Proof p, String deviceId) {
        return http.sendJson("POST", "/v1/keys/login/finish", null,
                new LoginFinishRequest(p.loginId(), p.a(), p.m1(), new DeviceInfo(deviceId, "device " + deviceId)));
    }

    /** A successful login: the response, with M2 checked, and the opened service share. */
    public record Session(LoginFinishResponse response, byte[] share) {
        public String token() {
            return response.accessToken();
        }
    }

    public Session login(String email, String password, String deviceId) throws Exception {
        Proof p = prove(email, password);
        HttpResponse<String> r = finish(p, deviceId);
        if (r.statusCode() != 200) {
            throw new IllegalStateException("login/finish answered " + r.statusCode() + " " + r.body());
        }
        LoginFinishResponse response = PinnedHttp.read(r, LoginFinishResponse.class);
        if (!p.client().verifyServerEvidenceMessage(new BigInteger(1, response.m2()))) {
            throw new IllegalStateException("the server's M2 is wrong");
        }
        byte[] share = ShareSealer.open(p.sessionKey(), p.loginId(), response.accountId(), deviceId,
                response.sealedShare());
        return new Session(response, share);
    }

    public HttpResponse<String> changeVerifier(String token, String email, String oldPassword, String newPassword,
                                               boolean secretKey) throws Exception {
        Proof p = prove(email, oldPassword);
        byte[] salt = salt();
        return http.sendJson("POST", secretKey ? "/v1/keys/account/secret-key" : "/v1/keys/account/password", token,
                new ChangeVerifierRequest(p.loginId(), p.a(), p.m1(), salt, KDF, verifier(email, newPassword, salt)));
    }
}
