package dev.termvault.vault;

import dev.termvault.vault.model.Credential;
import dev.termvault.vault.model.Host;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The child process of {@link VaultMarkerLeakTest}: creates a vault holding 1,000 hosts whose hostnames,
 * usernames and labels carry marker strings, edits, deletes and searches them, then reports {@code OPEN}
 * and waits for a line on stdin before it locks and closes the vault and reports {@code CLOSED}.
 *
 * <p>Arguments: vault folder.
 */
public final class MarkerWorker {

    static final String HOST_MARKER = "zqxmarkhost";
    static final String USER_MARKER = "zqxmarkuser";
    static final String LABEL_MARKER = "zqxmarklabel";
    static final String PASSWORD_MARKER = "zqxmarkpass";
    static final int HOSTS = 1000;
    static final int DELETED = 10;

    private MarkerWorker() {
    }

    static Host host(int i) {
        return Host.of(LABEL_MARKER + i, HOST_MARKER + i + ".example.org", 22, USER_MARKER + i);
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        try (Vault vault = Vault.createLocal(dir, "marker test password".toCharArray()).vault()) {
            List<Host> batch = new ArrayList<>();
            for (int i = 0; i < HOSTS; i++) {
                if (i % 10 == 0) {
                    vault.add(host(i));
                } else {
                    batch.add(host(i));
                }
                if (batch.size() == 90) {
                    vault.addAll(batch);
                    batch.clear();
                }
            }
            vault.addAll(batch);
            vault.add(new Credential(LABEL_MARKER + "-credential", USER_MARKER + "-db", PASSWORD_MARKER + "-secret"));
            List<VaultRecord> hosts = vault.search(HOST_MARKER);
            for (int i = 0; i < 50; i++) {
                VaultRecord record = hosts.get(i);
                vault.update(record.id(), ((Host) record.item()).withTags(List.of(HOST_MARKER + "-tag")));
            }
            for (int i = 50; i < 50 + DELETED; i++) {
                vault.delete(hosts.get(i).id());
            }
            System.out.println("OPEN " + vault.search(USER_MARKER).size());
            System.out.flush();
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII)).readLine();
        }
        System.out.println("CLOSED");
        System.out.flush();
    }
}
