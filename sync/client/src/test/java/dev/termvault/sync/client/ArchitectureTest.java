package dev.termvault.sync.client;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The sync client's layering lines (DESIGN.md), each with its reason. */
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
}
