package dev.termvault.vault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.termvault.vault.internal.Contexts;
import dev.termvault.vault.internal.crypto.KeyHierarchy;
import dev.termvault.vault.internal.crypto.KeyWrap;
import dev.termvault.vault.internal.crypto.SecretKey;
import dev.termvault.vault.model.Host;
import dev.termvault.vault.secret.SecretAccess;
import dev.termvault.vault.secret.SecretBytes;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The only key in the vault folder is the Secret Key (by design, see docs/security/local-storage.md): the test
 * re-derives every other key of the hierarchy from the password and the stored material (K_pw, K_sk, K_user,
 * K_local, the service share S, K_acct and every vault key, the one retired by a rotation included) and finds none of them, raw, hex or base64, in any
 * file of the folder, while the vault is open (WAL included) and after it is closed. Finding the Secret Key
 * itself shows that the search works.
 */
class KeysNotOnDiskTest {
    private static final char[] PASSWORD = "keys-on-disk correct horse".toCharArray();

    @TempDir
    Path dir;

    @Test
    void noKeyOtherThanTheSecretKey_isInAnyFileOfTheVaultFolder_openAndClosed() throws Exception {
        CreatedVault created = Vault.createLocal(dir, PASSWORD.clone());
        Map<String, byte[]> keys;
        try (Vault vault = created.vault()) {
            for (int i = 0; i < 20; i++) {
                vault.add(Host.of("host " + i, "h" + i + ".example.org", 22, "user" + i));
            }
            keys = deriveEveryKey();
            vault.account().rotateVaultKey();
            vault.add(Host.of("after rotation", "r.example.org", 22, "root"));
            assertThat(Files.exists(dir.resolve("vault.db-wal"))).isTrue();
            keys.putAll(deriveEveryKey());
            assertThat(keys).as("the retired key is checked too")
                    .containsKeys("K_pw", "K_sk", "K_user", "K_local", "S", "K_acct", "VK v1", "VK v2");
            assertThat(found(keys)).as("keys in the open vault's files").isEmpty();
            assertThat(found(Map.of("Secret Key", secretKeyBytes(created.secretKey()))))
                    .as("the search finds the Secret Key, which is stored on purpose").isNotEmpty();
        }
        assertThat(found(keys)).as("keys in the closed vault's files").isEmpty();
    }

    /** Every key of the hierarchy, re-derived from the password and what the vault file stores. */
    private Map<String, byte[]> deriveEveryKey() throws Exception {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("vault.db"));
             Statement s = c.createStatement()) {
            byte[] accountId;
            byte[] salt;
            KdfParams params;
            byte[] secretKey;
            byte[] wrappedShare;
            try (ResultSet rs = s.executeQuery("SELECT account_id, kdf_salt, kdf_memory_kib, kdf_iterations,"
                    + " kdf_parallelism, secret_key, wrapped_share FROM account")) {
                assertThat(rs.next()).isTrue();
                accountId = rs.getBytes(1);
                salt = rs.getBytes(2);
                params = new KdfParams(rs.getInt(3), rs.getInt(4), rs.getInt(5));
                secretKey = rs.getBytes(6);
                wrappedShare = rs.getBytes(7);
            }
            try (SecretKey sk = SecretKey.fromBytes(secretKey);
                 SecretBytes pw = KeyHierarchy.passwordKey(PASSWORD.clone(), salt, params);
                 SecretBytes skKey = KeyHierarchy.secretKeyKey(sk, salt);
                 SecretBytes user = KeyHierarchy.userKey(PASSWORD.clone(), sk, salt, params);
                 SecretBytes local = KeyHierarchy.localKey(user);
                 SecretBytes share = KeyWrap.unwrap(local, wrappedShare, Contexts.serviceShare(accountId));
                 SecretBytes account = KeyHierarchy.accountKey(user, share)) {
                keys.put("K_pw", pw.reveal(SecretAccess.insecure()));
                keys.put("K_sk", skKey.reveal(SecretAccess.insecure()));
                keys.put("K_user", user.reveal(SecretAccess.insecure()));
                keys.put("K_local", local.reveal(SecretAccess.insecure()));
                keys.put("S", share.reveal(SecretAccess.insecure()));
                keys.put("K_acct", account.reveal(SecretAccess.insecure()));
                try (ResultSet rs = s.executeQuery("SELECT vault_id, key_version, wrapped_key FROM vault_key")) {
                    while (rs.next()) {
                        ByteBuffer id = ByteBuffer.wrap(rs.getBytes(1));
                        UUID vaultId = new UUID(id.getLong(), id.getLong());
                        int version = rs.getInt(2);
                        try (SecretBytes vk = KeyWrap.unwrap(account, rs.getBytes(3),
                                Contexts.vaultKey(vaultId, version))) {
                            keys.put("VK v" + version, vk.reveal(SecretAccess.insecure()));
                        }
                    }
                }
            }
        }
        return keys;
    }

    private static byte[] secretKeyBytes(String printed) {
        try (SecretKey key = SecretKey.parse(printed); SecretBytes raw = key.toSecretBytes()) {
            return raw.reveal(SecretAccess.insecure());
        }
    }

    /** Which keys occur in any file of the folder, as raw bytes, lower- or upper-case hex, or base64. */
    private List<String> found(Map<String, byte[]> keys) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        List<String> found = new ArrayList<>();
        for (Path f : files) {
            String latin = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
            for (Map.Entry<String, byte[]> key : keys.entrySet()) {
                byte[] k = key.getValue();
                for (String form : List.of(new String(k, StandardCharsets.ISO_8859_1), HexFormat.of().formatHex(k),
                        HexFormat.of().withUpperCase().formatHex(k), Base64.getEncoder().encodeToString(k))) {
                    if (latin.contains(form)) {
                        found.add(key.getKey() + " in " + f.getFileName());
                    }
                }
            }
        }
        return found;
    }
}
