package dev.termvault.vault;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import org.junit.jupiter.api.Test;

/** Within the vault module, cryptographic primitives are used in the crypto package only. */
class CryptoConfinementTest {

    private static final ArchRule PRIMITIVES_STAY_IN_THE_CRYPTO_PACKAGE = noClasses()
            .that().resideOutsideOfPackage("dev.termvault.vault.internal.crypto..")
            .should().dependOnClassesThat().resideInAnyPackage("javax.crypto..", "org.bouncycastle..")
            .orShould().dependOnClassesThat().belongToAnyOf(SecureRandom.class, MessageDigest.class,
                    Signature.class, KeyPairGenerator.class)
            .because("one small package that owns every key, nonce and random byte can be reviewed as a "
                    + "whole; code elsewhere (the envelope, the store) composes its API and cannot misuse a "
                    + "cipher, reuse a nonce or pick a weak parameter by accident");

    @Test
    void vaultMainClasses_useCryptoPrimitivesOnlyInTheCryptoPackage() throws URISyntaxException {
        // Dependencies are checked by name, so the importer need not load the JDK and libraries too.
        ArchConfiguration configuration = ArchConfiguration.get();
        boolean resolve = configuration.resolveMissingDependenciesFromClassPath();
        configuration.setResolveMissingDependenciesFromClassPath(false);
        try {
            // Only the module's own compiled classes, not every jar on the test classpath.
            Path mainClasses = Path.of(VaultException.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            JavaClasses classes = new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPath(mainClasses);
            assertThat(classes.contain("dev.termvault.vault.internal.envelope.Envelopes")).isTrue();
            PRIMITIVES_STAY_IN_THE_CRYPTO_PACKAGE.check(classes);
        } finally {
            configuration.setResolveMissingDependenciesFromClassPath(resolve);
        }
    }
}
