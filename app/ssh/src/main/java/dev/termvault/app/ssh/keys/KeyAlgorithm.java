package dev.termvault.app.ssh.keys;

import java.util.List;
import java.util.Locale;

/** The kinds of key Termvault makes, with the sizes each allows. */
public enum KeyAlgorithm {
    ED25519("ed25519", List.of(256), 256),
    ECDSA("ecdsa", List.of(256, 384, 521), 256),
    RSA("rsa", List.of(3072, 4096), 3072);

    /** RSA keys shorter than this are refused. */
    public static final int MIN_RSA_BITS = 3072;

    private final String cliName;
    private final List<Integer> sizes;
    private final int defaultBits;

    KeyAlgorithm(String cliName, List<Integer> sizes, int defaultBits) {
        this.cliName = cliName;
        this.sizes = sizes;
        this.defaultBits = defaultBits;
    }

    public String cliName() {
        return cliName;
    }

    public List<Integer> sizes() {
        return sizes;
    }

    public int defaultBits() {
        return defaultBits;
    }

    /** The algorithm named as ssh-keygen's {@code -t} names it (ed25519, ecdsa, rsa), any case. */
    public static KeyAlgorithm parse(String name) throws SshKeyException.UnsupportedKey {
        String wanted = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (KeyAlgorithm algorithm : values()) {
            if (algorithm.cliName.equals(wanted)) {
                return algorithm;
            }
        }
        throw new SshKeyException.UnsupportedKey("Unknown key type '" + name + "': use ed25519, ecdsa or rsa");
    }

    /** The size to make: {@code bits} if given (0 = default), checked against what this algorithm allows. */
    public int checkedBits(int bits) throws SshKeyException {
        int chosen = bits == 0 ? defaultBits : bits;
        if (this == RSA && chosen < MIN_RSA_BITS) {
            throw new SshKeyException.WeakKey("RSA keys shorter than " + MIN_RSA_BITS
                    + " bits are refused (asked for " + chosen + "): use 3072 or 4096, or better ed25519");
        }
        if (!sizes.contains(chosen)) {
            throw new SshKeyException.UnsupportedKey(cliName + " keys can be " + sizes + " bits, not " + chosen);
        }
        return chosen;
    }

    /** The SSH key type name MINA generates for this algorithm and size. */
    String sshKeyType(int bits) {
        return switch (this) {
            case ED25519 -> "ssh-ed25519";
            case ECDSA -> "ecdsa-sha2-nistp" + bits;
            case RSA -> "ssh-rsa";
        };
    }
}
