package dev.termvault.sync.server.keys;

import com.nimbusds.jose.jwk.ECKey;
import dev.termvault.sync.server.keys.crypto.MasterKey;
import dev.termvault.sync.server.keys.crypto.Secrets;
import dev.termvault.sync.server.keys.crypto.TokenSigner;
import dev.termvault.sync.server.keys.crypto.WrappedKey;
import dev.termvault.sync.server.keys.store.SecretStore;
import dev.termvault.sync.server.keys.store.SecretStore.StoredSecret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.ParseException;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

/**
 * The key service's own secrets, made on first start and kept in its store wrapped by the master key (context
 * {@code termvault:service-secret:<name>}): the ES256 token signing key (a private JWK) and the key that
 * derives stable made-up salts for unknown emails.
 */
public final class ServiceSecrets {

    static final String SIGNING_KEY = "token-signing-key";
    static final String DISGUISE_KEY = "unknown-email-key";

    private final TokenSigner signer;
    private final byte[] disguiseKey;

    private ServiceSecrets(TokenSigner signer, byte[] disguiseKey) {
        this.signer = signer;
        this.disguiseKey = disguiseKey;
    }

    public static ServiceSecrets loadOrCreate(SecretStore store, MasterKey masterKey, Secrets secrets, Clock clock)
            throws GeneralSecurityException {
        return loadOrCreate(store, masterKey, secrets, clock, TokenSigner.DEFAULT_BLOBS_AUDIENCE);
    }

    /** As above, with the blob service's audience the tokens name ({@code keys.token.audience}). */
    public static ServiceSecrets loadOrCreate(SecretStore store, MasterKey masterKey, Secrets secrets, Clock clock,
                                              String blobsAudience) throws GeneralSecurityException {
        byte[] jwk = secret(store, masterKey, SIGNING_KEY, clock, () -> {
            ECKey key = TokenSigner.generateKey();
            return new Fresh(key.toJSONString().getBytes(StandardCharsets.UTF_8), key.toPublicJWK().toJSONString());
        });
        ECKey signingKey;
        try {
            signingKey = ECKey.parse(new String(jwk, StandardCharsets.UTF_8));
        } catch (ParseException e) {
            throw new GeneralSecurityException("the stored token signing key is malformed");
        } finally {
            Arrays.fill(jwk, (byte) 0);
        }
        byte[] disguise = secret(store, masterKey, DISGUISE_KEY, clock, () -> new Fresh(secrets.newKey(), ""));
        return new ServiceSecrets(new TokenSigner(List.of(signingKey), clock, blobsAudience), disguise);
    }

    private record Fresh(byte[] secret, String publicPart) {
    }

    private interface Maker {
        Fresh make() throws GeneralSecurityException;
    }

    private static byte[] secret(SecretStore store, MasterKey masterKey, String name, Clock clock, Maker maker)
            throws GeneralSecurityException {
        byte[] context = context(name);
        StoredSecret stored = store.find(name).orElse(null);
        if (stored == null) {
            Fresh fresh = maker.make();
            StoredSecret candidate = new StoredSecret(masterKey.wrap(fresh.secret(), context).toBytes(),
                    fresh.publicPart());
            Arrays.fill(fresh.secret(), (byte) 0);
            stored = store.putIfAbsent(name, candidate, clock.millis());
        }
        try {
            return masterKey.unwrap(WrappedKey.parse(stored.wrapped()), context);
        } catch (GeneralSecurityException e) {
            throw new GeneralSecurityException("the key store's secrets do not open with the configured master key ("
                    + masterKey.describe() + "): use the master key that belongs to this store (docs/operations.md)");
        }
    }

    static byte[] context(String name) {
        return ("termvault:service-secret:" + name).getBytes(StandardCharsets.UTF_8);
    }

    /** Re-wraps every service secret under the master key's current version; returns how many moved. */
    public static int rewrap(SecretStore store, MasterKey masterKey) throws GeneralSecurityException {
        int moved = 0;
        for (String name : List.of(SIGNING_KEY, DISGUISE_KEY)) {
            StoredSecret stored = store.find(name).orElse(null);
            if (stored == null) {
                continue;
            }
            WrappedKey wrapped = WrappedKey.parse(stored.wrapped());
            if (wrapped.version() < masterKey.currentVersion()) {
                store.replaceWrapped(name, masterKey.rewrap(wrapped, context(name)).toBytes());
                moved++;
            }
        }
        return moved;
    }

    public TokenSigner signer() {
        return signer;
    }

    /** A stable made-up salt for an email that has no account: HMAC-SHA256(key, "salt|" + email), 16 bytes. */
    public byte[] fakeSalt(String email) {
        return Arrays.copyOf(Secrets.hmac(disguiseKey, ("salt|" + email).getBytes(StandardCharsets.UTF_8)), 16);
    }

    /**
     * A stable made-up SRP verifier for an unknown email, {@code length} bytes of HMAC-SHA256(key, "v|" + i + "|"
     * + email) for i = 0, 1, ...; the caller reduces it into the group. B is then computed from it exactly as
     * from a real verifier (one exponentiation, the same code), so the answer costs what a real one costs.
     */
    public byte[] fakeVerifier(String email, int length) {
        byte[] out = new byte[length];
        for (int i = 0, at = 0; at < length; i++, at += 32) {
            byte[] block = Secrets.hmac(disguiseKey, ("v|" + i + "|" + email).getBytes(StandardCharsets.UTF_8));
            System.arraycopy(block, 0, out, at, Math.min(32, length - at));
        }
        return out;
    }

    /** A one-way name for a throttle counter: HMAC-SHA256(key, "throttle|" + name), hex, 128 bits. */
    public String throttleKey(String name) {
        return java.util.HexFormat.of().formatHex(Arrays.copyOf(
                Secrets.hmac(disguiseKey, ("throttle|" + name).getBytes(StandardCharsets.UTF_8)), 16));
    }

    /** What the store keeps of a sign-up code: HMAC-SHA256(key, "signup-code|" + kind + "|" + code). */
    public byte[] codeHash(String kind, String code) {
        return Secrets.hmac(disguiseKey, ("signup-code|" + kind + "|" + code).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "ServiceSecrets[" + signer + "]";
    }
}
