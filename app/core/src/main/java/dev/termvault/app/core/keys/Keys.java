package dev.termvault.app.core.keys;

import dev.termvault.app.core.CoreException;
import dev.termvault.app.core.HostLinks;
import dev.termvault.app.core.HostRef;
import dev.termvault.app.core.NamedRecords;
import dev.termvault.app.core.RecordLookup;
import dev.termvault.app.core.WhenUsed;
import dev.termvault.app.ssh.keys.KeyAlgorithm;
import dev.termvault.app.ssh.keys.KeyFileReader;
import dev.termvault.app.ssh.keys.KeyGeneration;
import dev.termvault.app.ssh.keys.KeyMaterial;
import dev.termvault.app.ssh.keys.OpenSshKeyWriter;
import dev.termvault.app.ssh.keys.PassphrasePrompt;
import dev.termvault.app.ssh.keys.SshKeyException;
import dev.termvault.app.ssh.keys.SshKeyRecords;
import dev.termvault.vault.Vault;
import dev.termvault.vault.VaultRecord;
import dev.termvault.vault.model.ItemType;
import dev.termvault.vault.model.SshKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The SSH keys in the vault: make, import, list, rename, delete (naming the hosts that use a key), and export the
 * public half or, after an explicit confirmation, the private half under a passphrase. A key is named by what a
 * person types: its name, or its record id or a prefix of it ({@link RecordLookup}).
 *
 * <p>Refusals are {@link CoreException}s. Problems of a key file (wrong passphrase, not a key) stay the SSH
 * engine's {@link SshKeyException}s, whose messages are safe to show.
 */
public final class Keys {

    private final NamedRecords<SshKey> keys;
    private final HostLinks links;

    public Keys(Vault vault) {
        this.keys = new NamedRecords<>(vault, ItemType.SSH_KEY, SshKey.class, "key", SshKey::name);
        this.links = new HostLinks(vault);
    }

    /** The algorithm ssh-keygen's {@code -t} names (ed25519, ecdsa, rsa). */
    public static KeyAlgorithm algorithm(String type) {
        try {
            return KeyAlgorithm.parse(type);
        } catch (SshKeyException.UnsupportedKey e) {
            throw new CoreException.Invalid(e.getMessage() + ".", Map.of("type", e.getMessage() + "."));
        }
    }

    /** Every key, in list order. */
    public List<KeyRow> list() {
        Map<String, Integer> uses = links.countUses(HostLinks.Link.KEY);
        return keys.list().stream()
                .map(r -> KeyRow.of(r, uses.getOrDefault(r.id(), 0))).toList();
    }

    /** The keys with every word of {@code query} in their name, type, size, fingerprint or comment. */
    public List<KeyRow> search(String query) {
        String[] words = query == null ? new String[0] : query.toLowerCase(Locale.ROOT).strip().split("\\s+");
        return list().stream().filter(row -> row.matches(words)).toList();
    }

    /** The key {@code reference} names. */
    public KeyRow get(String reference) {
        return row(keys.require(reference));
    }

    /**
     * Makes a key pair and stores it.
     *
     * @param bits    0 for the algorithm's default; RSA below 3072 is refused
     * @param comment the key comment; null means the name
     * @throws CoreException.Invalid       for a blank name or a size the algorithm does not allow
     * @throws CoreException.AlreadyExists when a key of that name exists
     */
    public KeyRow generate(KeyAlgorithm algorithm, int bits, String name, String comment) {
        String keyName = keys.checkedName(name);
        keys.requireFreeName(keyName, null);
        KeyMaterial key = null;
        try {
            key = KeyGeneration.generate(algorithm, bits, comment == null ? keyName : comment.strip());
            return store(keyName, key);
        } catch (SshKeyException e) {
            throw new CoreException.Invalid(e.getMessage() + ".", Map.of("bits", e.getMessage() + "."));
        } finally {
            if (key != null) {
                key.destroy();
            }
        }
    }

    /**
     * Reads a private key file (OpenSSH, PEM, PKCS#8 or PuTTY .ppk) into the vault. The prompt is asked for a
     * passphrase only when the file is encrypted.
     *
     * @param name the key's name; null or blank means the file's name
     * @throws CoreException.NotFound      when there is no such file
     * @throws CoreException.AlreadyExists when a key of that name exists
     * @throws SshKeyException             when the file is not a key, or the passphrase is missing or wrong
     */
    public KeyRow importFile(Path file, String name, PassphrasePrompt prompt) throws SshKeyException {
        String keyName = keys.checkedName(name == null || name.isBlank() ? String.valueOf(file.getFileName()) : name);
        if (!Files.isRegularFile(file)) {
            throw new CoreException.NotFound("There is no file " + file + ".");
        }
        keys.requireFreeName(keyName, null);
        KeyMaterial key = null;
        try {
            key = KeyFileReader.read(file, prompt);
            return store(keyName, key);
        } catch (NoSuchFileException e) {
            throw new CoreException.NotFound("There is no file " + file + ".");
        } catch (IOException e) {
            throw new SshKeyException.InvalidKeyFile("The file " + file + " could not be read");
        } finally {
            if (key != null) {
                key.destroy();
            }
        }
    }

    private KeyRow store(String name, KeyMaterial key) throws SshKeyException {
        return row(keys.add(SshKeyRecords.toRecord(name, key)));
    }

    /** Renames a key; its hosts keep using it (they refer to it by id). */
    public KeyRow rename(String reference, String newName) {
        VaultRecord record = keys.require(reference);
        SshKey key = keys.itemOf(record);
        return row(keys.update(record.id(), new SshKey(keys.checkedName(newName), key.privateKey(), key.publicKey(),
                key.comment(), key.keyType())));
    }

    /** The hosts that log in with the key. */
    public List<HostRef> usage(String reference) {
        return links.using(HostLinks.Link.KEY, keys.require(reference).id());
    }

    /**
     * Deletes a key.
     *
     * @param whenUsed what to do when hosts log in with it: {@link WhenUsed#REFUSE} (the safe default) refuses and
     *                 names them; {@link WhenUsed#UNLINK} deletes it and clears their key reference
     * @throws CoreException.NotConfirmed when hosts use it and {@code whenUsed} is REFUSE
     */
    public KeyDeletion delete(String reference, WhenUsed whenUsed) {
        VaultRecord record = keys.require(reference);
        KeyRow row = row(record);
        List<HostRef> unlinked = links.release(HostLinks.Link.KEY, record.id(), row.name(), whenUsed);
        keys.delete(record);
        return new KeyDeletion(row, unlinked);
    }

    /** The public half as one authorized_keys line. */
    public String exportPublic(String reference) {
        SshKey key = keys.itemOf(keys.require(reference));
        if (key.publicKey() == null || key.publicKey().isBlank()) {
            throw new CoreException.Unreadable("The key \"" + key.name() + "\" has no public key.");
        }
        return key.publicKey().strip();
    }

    /**
     * Writes the private key in OpenSSH format protected by {@code passphrase} (bcrypt KDF, aes256-ctr, as
     * {@code ssh-keygen -p} writes it), to a file only its owner can read. The caller wipes the passphrase.
     *
     * @throws CoreException.NotConfirmed  without {@link PrivateKeyExport#confirmed()}; nothing is written
     * @throws CoreException.AlreadyExists when the file exists and {@link PrivateKeyExport#overwrite()} is false
     * @throws CoreException.Invalid       without a passphrase
     * @throws IOException                 when the file cannot be written
     */
    public KeyRow exportPrivate(String reference, char[] passphrase, PrivateKeyExport export) throws IOException {
        KeyRow key = checkExport(reference, export);
        if (passphrase == null || passphrase.length == 0) {
            throw new CoreException.Invalid("An exported private key needs a passphrase.",
                    Map.of("passphrase", "An exported private key needs a passphrase."));
        }
        OwnerOnlyFile.write(export.file(), encrypted(keys.itemOf(keys.require(key.id())), passphrase),
                export.overwrite());
        return key;
    }

    /**
     * Whether {@link #exportPrivate} would go ahead, checked before a front end asks for the new passphrase.
     *
     * @return the key
     * @throws CoreException.NotConfirmed  without {@link PrivateKeyExport#confirmed()}
     * @throws CoreException.AlreadyExists when the file exists and {@link PrivateKeyExport#overwrite()} is false
     */
    public KeyRow checkExport(String reference, PrivateKeyExport export) {
        KeyRow key = row(keys.require(reference));
        if (!export.confirmed()) {
            throw new CoreException.NotConfirmed("The private key was not exported: exporting it needs your"
                    + " confirmation. " + PrivateKeyExport.WARNING);
        }
        if (!export.overwrite() && Files.exists(export.file())) {
            throw OwnerOnlyFile.exists(export.file());
        }
        return key;
    }

    private static String encrypted(SshKey record, char[] passphrase) {
        KeyMaterial key = null;
        try {
            key = SshKeyRecords.fromRecord(record);
            return OpenSshKeyWriter.encryptedPrivateKey(key, passphrase);
        } catch (SshKeyException e) {
            throw new CoreException.Unreadable("The key \"" + record.name() + "\" cannot be exported: "
                    + e.getMessage() + ".");
        } finally {
            if (key != null) {
                key.destroy();
            }
        }
    }

    private KeyRow row(VaultRecord record) {
        return KeyRow.of(record, links.using(HostLinks.Link.KEY, record.id()).size());
    }
}
