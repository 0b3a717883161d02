package dev.termvault.app.ssh.keys;

import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;

import org.apache.sshd.common.config.keys.KeyUtils;

/** Facts about SSH key types as ssh-keygen names and sizes them. */
final class KeyTypes {

    private KeyTypes() {
    }

    /** Key size in bits the way ssh-keygen prints it (modulus length, curve size, 256 for Ed25519). */
    static int bits(PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            return rsa.getModulus().bitLength();
        }
        if (key instanceof ECPublicKey ec) {
            return ec.getParams().getCurve().getField().getFieldSize();
        }
        String type = KeyUtils.getKeyType(key);
        if ("ssh-ed25519".equals(type)) {
            return 256;
        }
        return KeyUtils.getKeySize(key);
    }

    /** The upper-case label ssh-keygen prints in parentheses: ED25519, ECDSA, RSA, DSA. */
    static String keygenLabel(PublicKey key) {
        String type = KeyUtils.getKeyType(key);
        if (type == null) {
            return "UNKNOWN";
        }
        if (type.equals("ssh-ed25519")) {
            return "ED25519";
        }
        if (type.startsWith("ecdsa-")) {
            return "ECDSA";
        }
        if (type.equals("ssh-rsa")) {
            return "RSA";
        }
        if (type.equals("ssh-dss")) {
            return "DSA";
        }
        return type.toUpperCase(java.util.Locale.ROOT);
    }
}
