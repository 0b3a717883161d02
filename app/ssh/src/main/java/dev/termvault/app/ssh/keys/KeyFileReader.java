package dev.termvault.app.ssh.keys;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.config.keys.loader.openssh.OpenSSHKeyPairResourceParser;
import org.apache.sshd.common.config.keys.loader.openssh.OpenSSHParserContext;
import org.apache.sshd.common.session.SessionContext;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.apache.sshd.putty.PuttyKeyUtils;

/**
 * Reads a private key file in any format ssh-keygen or PuTTY writes: openssh-key-v1 (plain or with a
 * passphrase), PEM RSA/EC (traditional, plain or encrypted), PKCS#8 (plain or encrypted) and PuTTY .ppk
 * v2 and v3. A passphrase is asked through a {@link PassphrasePrompt} only when the file is encrypted.
 */
public final class KeyFileReader {

    private static final String OPENSSH_BEGIN = "-----BEGIN OPENSSH PRIVATE KEY-----";
    private static final String PUTTY_HEADER = "PuTTY-User-Key-File-";
    private static final int MAX_KEY_FILE_BYTES = 64 * 1024;

    private KeyFileReader() {
    }

    /** Reads the key file at {@code file}. */
    public static KeyMaterial read(Path file, PassphrasePrompt prompt) throws SshKeyException, IOException {
        if (Files.size(file) > MAX_KEY_FILE_BYTES) {
            throw new SshKeyException.InvalidKeyFile(file + " is too large to be a private key");
        }
        return read(file.toString(), Files.readString(file, StandardCharsets.UTF_8), prompt);
    }

    /**
     * Reads a private key from its text.
     *
     * @param resource a name for messages and for the prompt (a file path)
     * @param text     the whole file
     */
    public static KeyMaterial read(String resource, String text, PassphrasePrompt prompt) throws SshKeyException {
        String trimmed = text.strip();
        Format format = Format.of(trimmed);
        if (format == null) {
            throw new SshKeyException.InvalidKeyFile(resource + " is not a private key file Termvault can read"
                    + " (OpenSSH, PEM, PKCS#8 or PuTTY)");
        }
        boolean encrypted = format.encrypted(trimmed);
        char[] passphrase = null;
        if (encrypted) {
            passphrase = prompt.passphraseFor(resource);
            if (passphrase == null) {
                throw new SshKeyException.PassphraseRequired(resource);
            }
        }
        try {
            return decode(format, resource, trimmed, passphrase);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            if (encrypted) {
                throw new SshKeyException.WrongPassphrase(resource);
            }
            throw new SshKeyException.InvalidKeyFile(resource + " could not be read: it is damaged or uses an"
                    + " unsupported key type");
        } finally {
            if (passphrase != null) {
                Arrays.fill(passphrase, '\0');
            }
        }
    }

    private static KeyMaterial decode(Format format, String resource, String text, char[] passphrase)
            throws IOException, GeneralSecurityException, SshKeyException {
        NamedResource named = NamedResource.ofName(resource);
        FilePasswordProvider passwords = passphrase == null
                ? FilePasswordProvider.EMPTY : FilePasswordProvider.of(new String(passphrase));
        List<String> lines = text.lines().toList();
        return switch (format) {
            case OPENSSH -> {
                CommentCapturingParser parser = new CommentCapturingParser();
                KeyPair pair = single(resource, parser.loadKeyPairs(null, named, passwords, lines));
                yield new KeyMaterial(pair, parser.comment);
            }
            case PUTTY -> {
                KeyPair pair = single(resource, PuttyKeyUtils.DEFAULT_INSTANCE.loadKeyPairs(null, named, passwords,
                        lines));
                yield new KeyMaterial(pair, puttyComment(lines));
            }
            case PEM -> {
                try (InputStream in = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))) {
                    Iterable<KeyPair> pairs = SecurityUtils.loadKeyPairIdentities(null, named, in, passwords);
                    List<KeyPair> all = new ArrayList<>();
                    if (pairs != null) {
                        pairs.forEach(all::add);
                    }
                    yield new KeyMaterial(single(resource, all), "");
                }
            }
        };
    }

    private static KeyPair single(String resource, Collection<KeyPair> pairs) throws SshKeyException {
        Iterator<KeyPair> it = pairs == null ? null : pairs.iterator();
        if (it == null || !it.hasNext()) {
            throw new SshKeyException.InvalidKeyFile(resource + " holds no private key");
        }
        KeyPair first = it.next();
        if (it.hasNext()) {
            throw new SshKeyException.UnsupportedKey(resource + " holds several keys; Termvault reads one per file");
        }
        return first;
    }

    private static String puttyComment(List<String> lines) {
        for (String line : lines) {
            if (line.startsWith("Comment:")) {
                return line.substring("Comment:".length()).strip();
            }
        }
        return "";
    }

    /** The key file formats told apart by their first lines. */
    private enum Format {
        OPENSSH, PUTTY, PEM;

        static Format of(String text) {
            if (text.startsWith(OPENSSH_BEGIN)) {
                return OPENSSH;
            }
            if (text.startsWith(PUTTY_HEADER)) {
                return PUTTY;
            }
            if (text.startsWith("-----BEGIN ") && text.contains("PRIVATE KEY-----")) {
                return PEM;
            }
            return null;
        }

        boolean encrypted(String text) throws SshKeyException {
            return switch (this) {
                case OPENSSH -> !"none".equals(openSshCipher(text));
                case PUTTY -> text.lines().anyMatch(l -> l.startsWith("Encryption:")
                        && !l.substring("Encryption:".length()).strip().equals("none"));
                case PEM -> text.contains("Proc-Type: 4,ENCRYPTED")
                        || text.startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");
            };
        }
    }

    /** The cipher name in an openssh-key-v1 header: "none" for a key without a passphrase. */
    static String openSshCipher(String text) throws SshKeyException {
        try {
            String body = text.substring(OPENSSH_BEGIN.length(), text.indexOf("-----END"));
            byte[] blob = Base64.getMimeDecoder().decode(body);
            ByteBuffer buf = ByteBuffer.wrap(blob);
            byte[] magic = "openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII);
            byte[] head = new byte[magic.length];
            buf.get(head);
            if (!Arrays.equals(head, magic)) {
                throw new IllegalArgumentException("bad magic");
            }
            int length = buf.getInt();
            if (length < 0 || length > 64) {
                throw new IllegalArgumentException("bad cipher name");
            }
            byte[] name = new byte[length];
            buf.get(name);
            return new String(name, StandardCharsets.US_ASCII);
        } catch (RuntimeException e) {
            throw new SshKeyException.InvalidKeyFile("The OpenSSH key is damaged: its header cannot be read");
        }
    }

    /** MINA's OpenSSH parser, keeping the comment it reads (MINA itself drops it). */
    private static final class CommentCapturingParser extends OpenSSHKeyPairResourceParser {
        private String comment = "";

        @Override
        protected Map.Entry<PrivateKey, String> readPrivateKey(SessionContext session, NamedResource resourceKey,
                OpenSSHParserContext context, String keyType, FilePasswordProvider passwordProvider,
                InputStream stream) throws IOException, GeneralSecurityException {
            Map.Entry<PrivateKey, String> entry =
                    super.readPrivateKey(session, resourceKey, context, keyType, passwordProvider, stream);
            if (entry.getValue() != null) {
                comment = entry.getValue();
            }
            return entry;
        }
    }
}
