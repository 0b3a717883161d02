package dev.termvault.sync.server.keys.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.GeneralSecurityException;
import org.junit.jupiter.api.Test;

class ShareSealerTest {

    private final Secrets secrets = new Secrets();
    private final ShareSealer sealer = new ShareSealer(secrets);
    private final byte[] sessionKey = secrets.newKey();
    private final byte[] share = secrets.newKey();

    @Test
    void open_withTheSameSessionKeyLoginAccountAndDevice_returnsTheShare() throws Exception {
        byte[] sealed = sealer.seal(sessionKey, "login-1", "acct", "dev", share);

        assertThat(sealed).hasSize(12 + 32 + 16);
        assertThat(ShareSealer.open(sessionKey, "login-1", "acct", "dev", sealed)).isEqualTo(share);
    }

    @Test
    void open_withAnythingElse_fails() throws Exception {
        byte[] sealed = sealer.seal(sessionKey, "login-1", "acct", "dev", share);
        byte[] flipped = sealed.clone();
        flipped[20] ^= 1;

        assertThatThrownBy(() -> ShareSealer.open(secrets.newKey(), "login-1", "acct", "dev", sealed))
                .isInstanceOf(GeneralSecurityException.class);
        assertThatThrownBy(() -> ShareSealer.open(sessionKey, "login-2", "acct", "dev", sealed))
                .isInstanceOf(GeneralSecurityException.class);
        assertThatThrownBy(() -> ShareSealer.open(sessionKey, "login-1", "other", "dev", sealed))
                .isInstanceOf(GeneralSecurityException.class);
        assertThatThrownBy(() -> ShareSealer.open(sessionKey, "login-1", "acct", "dev2", sealed))
                .isInstanceOf(GeneralSecurityException.class);
        assertThatThrownBy(() -> ShareSealer.open(sessionKey, "login-1", "acct", "dev", flipped))
                .isInstanceOf(GeneralSecurityException.class);
    }
}
