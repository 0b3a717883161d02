package dev.termvault.app;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering lines of DESIGN.md ("Modules") inside the app module. Each rule says why it holds; see
 * docs/architecture.md for the whole map. Rules about packages that do not exist yet pass on empty input.
 */
@AnalyzeClasses(packages = "dev.termvault.app", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule javaFxOnlyInTheGui = noClasses()
            .that().resideOutsideOfPackage("dev.termvault.app.gui..")
            .should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("DESIGN.md: no JavaFX outside the GUI package; the SSH engine, the CLI and the logic stay"
                    + " usable and testable without a display")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule minaSshdOnlyInTheSshEngine = noClasses()
            .that().resideOutsideOfPackage("dev.termvault.app.ssh..")
            .should().dependOnClassesThat().resideInAPackage("org.apache.sshd..")
            .because("DESIGN.md: no MINA SSHD outside the SSH engine; its unsafe defaults (accept every host key,"
                    + " load ~/.ssh) are overridden in one place and nowhere else can reintroduce them")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule terminalWidgetOnlyInTheGui = noClasses()
            .that().resideOutsideOfPackage("dev.termvault.app.gui..")
            .should().dependOnClassesThat().resideInAPackage("com.techsenger.jeditermfx..")
            .because("the terminal emulator is a JavaFX widget; the SSH engine hands the GUI a Shell and never"
                    + " depends on how it is drawn")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule noOkHttpInTheApp = noClasses()
            .should().dependOnClassesThat().resideInAPackage("okhttp3..")
            .because("DESIGN.md: no OkHttp outside sync/client; the app talks to the server only through the"
                    + " sync client, which holds token handling and rollback checks")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule noJdbcInTheApp = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..")
            .because("DESIGN.md: no JDBC outside the stores; the app reads and writes records only through the"
                    + " Vault API, which encrypts them")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule noVaultInternalsInTheApp = noClasses()
            .should().dependOnClassesThat().resideInAPackage("dev.termvault.vault.internal..")
            .because("docs/architecture.md: dev.termvault.vault.internal (store, envelope, crypto, keyring) is"
                    + " not API; the app uses Vault, its account and sync facets, their records and the model")
            .allowEmptyShould(true);

    /*
     * java.security is allowed on purpose, except SecureRandom: the SSH engine needs KeyPairGenerator,
     * KeyFactory, Signature and MessageDigest to make keys, read OpenSSH formats and show SHA256 fingerprints
     * as ssh-keygen does. Those are key-format and signature tools, not the vault's encryption. Randomness,
     * ciphers, MACs and KDFs stay in the vault's crypto package.
     */
    @ArchTest
    static final ArchRule noCryptoPrimitivesInTheApp = noClasses()
            .should().dependOnClassesThat(cryptoPrimitives())
            .because("DESIGN.md: no crypto primitives (Cipher, Mac, KDFs, SecureRandom) outside the vault's crypto"
                    + " package, the server's key handling and the SRP ends; record encryption is the vault's job")
            .allowEmptyShould(true);

    private static DescribedPredicate<JavaClass> cryptoPrimitives() {
        return resideInAnyPackage("javax.crypto..", "org.bouncycastle..")
                .or(assignableTo(java.security.SecureRandom.class))
                .as("are crypto primitives (javax.crypto, java.security.SecureRandom, org.bouncycastle)");
    }
}
