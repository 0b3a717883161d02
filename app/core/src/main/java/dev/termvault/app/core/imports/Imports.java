package dev.termvault.app.core.imports;

import java.util.Objects;
import java.util.function.BooleanSupplier;

import dev.termvault.app.ssh.keys.PassphrasePrompt;
import dev.termvault.vault.Vault;

/**
 * Importing OpenSSH's files into the vault, the same for the command line and the desktop app: an ssh_config (its
 * hosts, jump hosts and the key files they name), a known_hosts file and private key files. First {@link #plan}
 * reads the files and compares them with the vault, asking nothing; its rows are the preview. Then {@link #apply}
 * reads the key files (asking {@link PassphrasePrompt} for passphrases) and writes, keeping what is already there:
 * a host with the same label, a key with the same public key, a known host key already known are left as they are.
 *
 * <p>Cancel is cooperative and checked before each key file and each record. While key files are read nothing has
 * been written; then keys, hosts (every jump host before the hosts that use it) and known host keys are written one
 * record at a time (the known host keys in one transaction), so what a cancel leaves is whole and links only to
 * records that exist, and the outcome names it.
 */
public final class Imports {

    private final Vault vault;
    private final PassphrasePrompt passphrases;

    /**
     * @param vault       the unlocked vault
     * @param passphrases asks for the passphrase of an encrypted key file (the desktop in its dialog, the CLI on the
     *                    terminal); may be called on the thread that runs {@link #apply}
     */
    public Imports(Vault vault, PassphrasePrompt passphrases) {
        this.vault = Objects.requireNonNull(vault, "vault");
        this.passphrases = Objects.requireNonNull(passphrases, "passphrases");
    }

    /**
     * Reads the sources and works out what an import would do; nothing is written and no passphrase is asked.
     *
     * @throws dev.termvault.app.core.CoreException.NotFound   when a named file does not exist
     * @throws dev.termvault.app.core.CoreException.Unreadable when the known_hosts file cannot be read
     */
    public PlannedImport plan(ImportSources sources) {
        return new ImportPlanner(VaultContents.of(vault)).plan(sources);
    }

    /** What an import into a vault that holds nothing yet would do (a dry run where there is no vault). */
    public static PlannedImport planForEmptyVault(ImportSources sources) {
        return new ImportPlanner(VaultContents.empty()).plan(sources);
    }

    /**
     * Runs {@code plan}: reads its key files, then writes its records, keeping what is in the vault by then.
     *
     * @param progress  told before each key file and after each record
     * @param cancelled asked before each key file and each record (and before a passphrase is asked)
     */
    public ImportOutcome apply(PlannedImport plan, ImportProgress progress, BooleanSupplier cancelled) {
        return new ImportRun(vault, passphrases, progress, cancelled).run(plan);
    }
}
