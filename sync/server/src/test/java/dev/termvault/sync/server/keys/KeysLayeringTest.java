package dev.termvault.sync.server.keys;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.security.MessageDigest;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

/** Where the key service's crypto and JDBC may live. */
class KeysLayeringTest {

    private static final JavaClasses KEYS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.termvault.sync.server.keys");

    @Test
    void cryptoPrimitives_onlyInTheKeysCryptoPackage() {
        noClasses().that().resideInAPackage("dev.termvault.sync.server.keys..")
                .and().resideOutsideOfPackage("dev.termvault.sync.server.keys.crypto..")
                .should().dependOnClassesThat().resideInAnyPackage("javax.crypto..", "org.bouncycastle..")
                .orShould().dependOnClassesThat().belongToAnyOf(SecureRandom.class, MessageDigest.class)
                .because("key material is handled only in keys.crypto, where it can be reviewed in one place")
                .check(KEYS);
    }

    @Test
    void jdbc_onlyInTheKeysStorePackage() {
        noClasses().that().resideInAPackage("dev.termvault.sync.server.keys..")
                .and().resideOutsideOfPackage("dev.termvault.sync.server.keys.store..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..")
                .because("the stores are the only code that speaks SQL")
                .check(KEYS);
    }
}
