package dev.termvault.app.ssh.keys;

import java.security.GeneralSecurityException;
import java.security.KeyPair;

import org.apache.sshd.common.config.keys.KeyUtils;

/** Makes new SSH key pairs with MINA's key utilities (Bouncy Castle underneath). */
public final class KeyGeneration {

    private KeyGeneration() {
    }

    /**
     * A new key pair.
     *
     * @param algorithm what to make
     * @param bits      the size, 0 for the algorithm's default; RSA below 3072 is refused
     * @param comment   the key comment (often user@host)
     */
    public static KeyMaterial generate(KeyAlgorithm algorithm, int bits, String comment) throws SshKeyException {
        int size = algorithm.checkedBits(bits);
        try {
            KeyPair pair = KeyUtils.generateKeyPair(algorithm.sshKeyType(size), size);
            return new KeyMaterial(pair, comment);
        } catch (GeneralSecurityException e) {
            throw new SshKeyException.UnsupportedKey("Could not make a " + algorithm.cliName() + " key of "
                    + size + " bits on this system");
        }
    }
}
