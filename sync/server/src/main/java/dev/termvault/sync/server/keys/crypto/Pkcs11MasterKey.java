package dev.termvault.sync.server.keys.crypto;

import java.io.IOException;
import java.security.AuthProvider;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.Security;
import java.util.Collections;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.security.auth.login.LoginException;

/**
 * A master key held in an HSM through PKCS#11 (the JDK's SunPKCS11 provider, configured at run time).
 *
 * <p>Each version is an AES-256 token object labelled {@code <labelPrefix>-v<N>}, generated inside the token
 * as sensitive and non-extractable; wrapping is AES-GCM computed by the token (see {@link AesGcmWrap} for the
 * associated data). The key bytes never enter this process.
 */
public final class Pkcs11MasterKey extends VersionedAesGcmMasterKey {

    /** How to reach the token. {@code slot} is the PKCS#11 slot id; when negative, {@code slotListIndex} is used. */
    public record Config(String library, long slot, int slotListIndex, char[] pin, String labelPrefix) {
        public Config {
            if (labelPrefix == null || labelPrefix.isBlank()) {
                labelPrefix = "termvault-master";
            }
        }

        @Override
        public String toString() {
            return "Pkcs11MasterKey.Config[library=" + library + ", slot=" + slot + ", slotListIndex="
                    + slotListIndex + ", label=" + labelPrefix + ", pin=██]";
        }
    }

    private final Config config;
    private final Provider provider;
    private final KeyStore keyStore;
    private final Pattern aliasPattern;

    private Pkcs11MasterKey(Config config, Provider provider, KeyStore keyStore) {
        super(new AesGcmWrap(new SecureRandom(), provider));
        this.config = config;
        this.provider = provider;
        this.keyStore = keyStore;
        this.aliasPattern = Pattern.compile(Pattern.quote(config.labelPrefix()) + "-v(\\d+)");
    }

    /** Logs in to the token and loads every key version, generating version 1 when there is none. */
    public static Pkcs11MasterKey open(Config config) throws GeneralSecurityException {
        Provider base = Security.getProvider("SunPKCS11");
        if (base == null) {
            throw new GeneralSecurityException("this JDK has no SunPKCS11 provider");
        }
        Provider provider = base.configure("--" + sunPkcs11Config(config));
        KeyStore keyStore = KeyStore.getInstance("PKCS11", provider);
        try {
            keyStore.load(null, config.pin());
        } catch (IOException e) {
            throw new GeneralSecurityException("cannot log in to the PKCS#11 token (wrong PIN or slot?)");
        }
        Pkcs11MasterKey key = new Pkcs11MasterKey(config, provider, keyStore);
        key.loadVersions();
        if (key.keys.isEmpty()) {
            key.generate(1);
        }
        return key;
    }

    static String sunPkcs11Config(Config config) {
        String where = config.slot() >= 0 ? "slot = " + config.slot() : "slotListIndex = " + config.slotListIndex();
        return """
                name = termvault-master-key
                library = %s
                %s
                attributes(*, CKO_SECRET_KEY, *) = {
                  CKA_SENSITIVE = true
                  CKA_EXTRACTABLE = false
                }
                """.formatted(config.library(), where);
    }

    @Override
    public synchronized int rotate() throws GeneralSecurityException {
        int next = keys.lastKey() + 1;
        generate(next);
        return next;
    }

    @Override
    public String describe() {
        return "pkcs11 " + config.labelPrefix() + " v" + currentVersion();
    }

    private void loadVersions() throws GeneralSecurityException {
        for (String alias : Collections.list(keyStore.aliases())) {
            Matcher m = aliasPattern.matcher(alias);
            if (m.matches() && keyStore.isKeyEntry(alias)) {
                keys.put(Integer.parseInt(m.group(1)), keyStore.getKey(alias, null));
            }
        }
    }

    private void generate(int version) throws GeneralSecurityException {
        KeyGenerator generator = KeyGenerator.getInstance("AES", provider);
        generator.init(256);
        SecretKey sessionKey = generator.generateKey();
        String alias = config.labelPrefix() + "-v" + version;
        keyStore.setEntry(alias, new KeyStore.SecretKeyEntry(sessionKey), null);
        keys.put(version, keyStore.getKey(alias, null));
    }

    @Override
    public void close() {
        if (provider instanceof AuthProvider auth) {
            try {
                auth.logout();
            } catch (LoginException e) {
                // the session ends with the process anyway
            }
        }
    }

    @Override
    public String toString() {
        return "Pkcs11MasterKey[" + config + ", versions=" + keys.keySet() + "]";
    }
}
