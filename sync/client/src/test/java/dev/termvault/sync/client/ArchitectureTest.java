package dev.termvault.sync.client;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The sync client's layering lines (docs/design.md), each with its reason. */
class ArchitectureTest {

    private static final JavaClasses CLIENT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.termvault.sync.client");

    @Test
    void cryptoPrimitives_onlyInTheSrpEnd() {
        noClasses().that().resideOutsideOfPackage("dev.termvault.sync.client.srp..")
                .should().dependOnClassesThat().resideInAnyPackage("javax.crypto..", "org.bouncycastle..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.security.SecureRandom")
                .because("keys are made and used in the vault's crypto package; the client only runs the SRP "
                        + "exchange and opens the share released by it")
                .check(CLIENT);
    }

    @Test
    void vaultInternals_notUsedByTheSyncClient() {
        noClasses().should().dependOnClassesThat().resideInAPackage("dev.termvault.vault.internal..")
                .because("docs/architecture.md: dev.termvault.vault.internal (store, envelope, crypto, keyring) is"
                        + " not API; the client goes through Vault.account() and Vault.sync(), which keep all"
                        + " sealing, opening and key wrapping inside the vault")
                .check(CLIENT);
    }

    @Test
    void noJdbc_inTheSyncClient() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..")
                .because("the local cache is the vault's store; the client goes through VaultSync")
                .check(CLIENT);
    }

    /**
     * ArchUnit sees calls, field accesses and dependencies, not monitors, so a {@code synchronized (vault)}
     * block cannot be named in a rule. What it can hold is where a pass reaches the vault's sync state: two
     * classes, which call vault methods that take the vault's lock for themselves. That no lock is held
     * across a request is shown by SaveDuringKeyFetchTest.
     */
    @Test
    void vaultSyncState_onlyInPageApplicationAndKeyExchange() {
        DescribedPredicate<JavaClass> syncFacing = DescribedPredicate.describe(
                "the vault's sync facet (VaultSync, RemoteVersion, ServedRecord, the store's sync rows)",
                c -> c.getName().equals("dev.termvault.vault.VaultSync")
                        || c.getName().equals("dev.termvault.vault.RemoteVersion")
                        || c.getName().equals("dev.termvault.vault.ServedRecord")
                        || c.getPackageName().equals("dev.termvault.vault.store")
                        && !c.getSimpleName().equals("SyncLink"));
        noClasses().that().haveNameNotMatching(".*\\.(PageApplication|KeyExchange)(\\$.*)?")
                .and().doNotHaveSimpleName("FieldMerge")
                .should().dependOnClassesThat(syncFacing)
                .because("a pass reads and writes the vault through vault methods that take the vault's lock "
                        + "for one step, called from these two classes only (FieldMerge uses just VaultSync's "
                        + "static JSON codec), so no lock is held across a request and a change to the vault's "
                        + "sync types touches two files")
                .check(CLIENT);
    }
}
