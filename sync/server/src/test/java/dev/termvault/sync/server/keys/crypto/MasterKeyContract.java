package dev.termvault.sync.server.keys.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour every master-key backend must have; each backend's test class extends this. */
abstract class MasterKeyContract {

    private static final SecureRandom RANDOM = new SecureRandom();

    protected MasterKey masterKey;

    /** A fresh backend with one version. */
    protected abstract MasterKey open() throws Exception;

    /** The backend after a rotation (may be the same object). */
    protected MasterKey rotated(MasterKey current) throws Exception {
        current.rotate();
        return current;
    }

    @BeforeEach
    void openBackend() throws Exception {
        masterKey = open();
    }

    @AfterEach
    void closeBackend() {
        if (masterKey != null) {
            masterKey.close();
        }
    }

    static byte[] share() {
        byte[] s = new byte[32];
        RANDOM.nextBytes(s);
        return s;
    }

    static byte[] context(String account) {
        return ("account:" + account).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void wrap_thenUnwrapWithSameContext_returnsTheKey() throws Exception {
        byte[] s = share();
        WrappedKey wrapped = masterKey.wrap(s, context("a"));

        assertThat(wrapped.version()).isEqualTo(masterKey.currentVersion());
        assertThat(java.util.HexFormat.of().formatHex(wrapped.ciphertext())).doesNotContain(java.util.HexFormat.of().formatHex(s));
        assertThat(masterKey.unwrap(WrappedKey.parse(wrapped.toBytes()), context("a"))).isEqualTo(s);
    }

    @Test
    void unwrap_otherAccountContext_isRefused() throws Exception {
        WrappedKey wrapped = masterKey.wrap(share(), context("a"));

        assertThatThrownBy(() -> masterKey.unwrap(wrapped, context("b")))
                .isInstanceOf(GeneralSecurityException.class);
    }

    @Test
    void unwrap_tamperedCiphertext_isRefusedAtEveryPosition() throws Exception {
        WrappedKey wrapped = masterKey.wrap(share(), context("a"));
        byte[] ct = wrapped.ciphertext();
        for (int i : new int[] {0, ct.length / 2, ct.length - 1}) {
            byte[] bad = ct.clone();
            bad[i] ^= 0x01;
            assertThatThrownBy(() -> masterKey.unwrap(new WrappedKey(wrapped.version(), bad), context("a")))
                    .as("byte %d flipped", i).isInstanceOf(GeneralSecurityException.class);
        }
    }

    @Test
    void unwrap_unknownVersion_isRefused() throws Exception {
        WrappedKey wrapped = masterKey.wrap(share(), context("a"));

        assertThatThrownBy(() -> masterKey.unwrap(new WrappedKey(wrapped.version() + 7, wrapped.ciphertext()),
                context("a"))).isInstanceOf(GeneralSecurityException.class);
    }

    @Test
    void rotate_newWrapsUseNewVersionAndOldWrapsStillUnwrap() throws Exception {
        byte[] s = share();
        WrappedKey old = masterKey.wrap(s, context("a"));
        int before = masterKey.currentVersion();

        masterKey = rotated(masterKey);

        assertThat(masterKey.currentVersion()).isEqualTo(before + 1);
        WrappedKey fresh = masterKey.wrap(s, context("a"));
        assertThat(fresh.version()).isEqualTo(before + 1);
        assertThat(masterKey.unwrap(old, context("a"))).isEqualTo(s);
        assertThat(masterKey.unwrap(fresh, context("a"))).isEqualTo(s);
        assertThatThrownBy(() -> masterKey.unwrap(new WrappedKey(before, fresh.ciphertext()), context("a")))
                .as("a new wrap relabelled as the old version").isInstanceOf(GeneralSecurityException.class);
    }

    @Test
    void rewrap_allWrapsMoveToCurrentVersionAndKeepTheirKeys() throws Exception {
        List<byte[]> shares = new ArrayList<>();
        List<WrappedKey> wraps = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            shares.add(share());
            wraps.add(masterKey.wrap(shares.get(i), context("acct" + i)));
        }
        masterKey = rotated(masterKey);

        for (int i = 0; i < 3; i++) {
            WrappedKey moved = masterKey.rewrap(wraps.get(i), context("acct" + i));
            assertThat(moved.version()).isEqualTo(masterKey.currentVersion());
            assertThat(masterKey.unwrap(moved, context("acct" + i))).isEqualTo(shares.get(i));
        }
    }
}
