package dev.termvault.vault;

import dev.termvault.vault.model.Host;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The child process of {@link VaultFileModesTest}, started under a permissive umask: makes a probe file in
 * the control folder (showing the umask it runs under), creates a vault, writes to it, writes a file beside
 * it through {@link VaultFolder#ownerOnlyFile}, reports {@code OPEN} and waits for a line on stdin before it
 * closes the vault and reports {@code CLOSED}.
 *
 * <p>Arguments: vault folder, control folder.
 */
public final class FileModeWorker {

    static final String SIDE_FILE = "sync-history.log";

    private FileModeWorker() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        Files.writeString(Path.of(args[1]).resolve("umask-probe"), "probe");
        try (Vault vault = Vault.createLocal(dir, "file mode test password".toCharArray()).vault()) {
            for (int i = 0; i < 20; i++) {
                vault.add(Host.of("host" + i, "host" + i + ".example.org", 22, "me"));
            }
            VaultRecord first = vault.search("host0").get(0);
            vault.update(first.id(), ((Host) first.item()).withTags(java.util.List.of("changed")));
            Path side = dir.resolve(SIDE_FILE);
            VaultFolder.ownerOnlyFile(side);
            Files.writeString(side, "a line\n");
            System.out.println("OPEN");
            System.out.flush();
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII)).readLine();
        }
        System.out.println("CLOSED");
        System.out.flush();
    }
}
