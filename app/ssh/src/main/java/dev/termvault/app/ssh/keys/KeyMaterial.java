package dev.termvault.app.ssh.keys;

import java.security.KeyPair;
import java.security.PublicKey;
import java.util.Objects;
import javax.security.auth.DestroyFailedException;
import javax.security.auth.Destroyable;

import org.apache.sshd.common.config.keys.KeyUtils;

/**
 * An SSH key pair held in memory with its comment. The private half is handed out only by
 * {@link #keyPair()}, so the places that touch it are easy to find; {@link #toString()} shows metadata only.
 */
public final class KeyMaterial implements Destroyable {

    private final KeyPair keyPair;
    private final String comment;
    private volatile boolean destroyed;

    public KeyMaterial(KeyPair keyPair, String comment) {
        this.keyPair = Objects.requireNonNull(keyPair, "keyPair");
        this.comment = comment == null ? "" : comment;
    }

    /** The key pair itself, private half included. */
    public KeyPair keyPair() {
        if (destroyed) {
            throw new IllegalStateException("This key has been wiped");
        }
        return keyPair;
    }

    public PublicKey publicKey() {
        return keyPair.getPublic();
    }

    /** The SSH key type name: ssh-ed25519, ecdsa-sha2-nistp256, ssh-rsa... */
    public String keyType() {
        return KeyUtils.getKeyType(keyPair.getPublic());
    }

    /** The key size in bits as ssh-keygen reports it. */
    public int bits() {
        return KeyTypes.bits(keyPair.getPublic());
    }

    public String comment() {
        return comment;
    }

    public KeyMaterial withComment(String newComment) {
        return new KeyMaterial(keyPair(), newComment);
    }

    @Override
    public void destroy() {
        destroyed = true;
        try {
            keyPair.getPrivate().destroy();
        } catch (DestroyFailedException | UnsupportedOperationException e) {
            // Most JDK key classes cannot wipe themselves; dropping the reference is all that is left.
        }
    }

    @Override
    public boolean isDestroyed() {
        return destroyed;
    }

    @Override
    public String toString() {
        return "KeyMaterial[type=" + keyType() + ", bits=" + bits() + ", comment=" + comment + "]";
    }
}
