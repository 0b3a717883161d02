package dev.termvault.sync.server.keys.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The PKCS#11 backend on a SoftHSM2 token that the test initialises. */
class Pkcs11MasterKeyTest extends MasterKeyContract {

    private Pkcs11MasterKey.Config config;

    @Override
    protected MasterKey open() throws Exception {
        config = SoftHsmToken.config("tv-" + UUID.randomUUID());
        return Pkcs11MasterKey.open(config);
    }

    @Test
    void reopen_findsEveryVersionOnTheToken() throws Exception {
        byte[] s = share();
        WrappedKey v1 = masterKey.wrap(s, context("a"));
        masterKey.rotate();
        WrappedKey v2 = masterKey.wrap(s, context("a"));

        try (MasterKey reopened = Pkcs11MasterKey.open(config)) {
            assertThat(reopened.currentVersion()).isEqualTo(2);
            assertThat(reopened.unwrap(v1, context("a"))).isEqualTo(s);
            assertThat(reopened.unwrap(v2, context("a"))).isEqualTo(s);
        }
    }
}
