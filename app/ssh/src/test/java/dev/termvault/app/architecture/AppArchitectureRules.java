package dev.termvault.app.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering lines every app module holds (docs/architecture.md, "Layering rules"). Each module's
 * {@code ArchitectureTest} includes them in one line: {@code @ArchTest static final ArchTests rules =
 * ArchTests.in(AppArchitectureRules.class);}. Most lines are also facts of the modules' class paths (core has no
 * JavaFX, no picocli, no OkHttp to call); the rules keep them true when a dependency is added by mistake. Rules
 * over packages a module does not hold pass on empty input.
 */
public final class AppArchitectureRules {

    private static final String SSH = "dev.termvault.app.ssh..";
    private static final String CORE = "dev.termvault.app.core..";
    private static final String CLI = "dev.termvault.app.cli..";
    private static final String DESKTOP = "dev.termvault.app.desktop..";

    private AppArchitectureRules() {
    }

    /**
     * Main code only: leaves out test classes, whether in a module's test-classes folder or in a test jar (the
     * fixtures and these rules, which a module's test class path holds as a jar).
     */
    public static final class MainCodeOnly implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return new DoNotIncludeTests().includes(location) && !location.contains("-tests.jar");
        }
    }

    @ArchTest
    public static final ArchRule javaFxOnlyInTheDesktopApp = noClasses()
            .that().resideOutsideOfPackage(DESKTOP)
            .should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("docs/design.md: no JavaFX outside the desktop app; the SSH engine, the use cases and the CLI"
                    + " stay usable and testable without a display")
            .allowEmptyShould(true);

    @ArchTest
    public static final ArchRule terminalWidgetOnlyInTheDesktopApp = noClasses()
            .that().resideOutsideOfPackage(DESKTOP)
            .should().dependOnClassesThat().resideInAPackage("com.techsenger.jeditermfx..")
            .because("docs/design.md: the terminal emulator is a JavaFX widget; the SSH engine hands the desktop app"
                    + " a Shell and never depends on how it is drawn")
            .allowEmptyShould(true);

    @ArchTest
    public static final ArchRule picocliOnlyInTheCli = noClasses()
            .that().resideOutsideOfPackage(CLI)
            .should().dependOnClassesThat().resideInAPackage("picocli..")
            .because("docs/design.md: the CLI only parses, calls the use cases and prints; nothing else knows how"
                    + " a command line is parsed")
            .allowEmptyShould(true);

    @ArchTest
    public static final ArchRule minaSshdOnlyInTheSshEngine = noClasses()
            .that().resideOutsideOfPackage(SSH)
            .should().dependOnClassesThat().resideInAPackage("org.apache.sshd..")
            .because("docs/design.md: no MINA SSHD outside the SSH engine; its unsafe defaults (accept every host"
                    + " key, load ~/.ssh) are overridden in one place and nowhere else can reintroduce them")
            .allowEmptyShould(true);

    @ArchTest
    public static final ArchRule coreDependsOnNeitherFrontEnd = noClasses()
            .that().resideInAPackage(CORE)
            .should().dependOnClassesThat().resideInAnyPackage(CLI, DESKTOP)
            .because("docs/design.md: one use case, one place; the CLI and the desktop app call the same core code"
                    + " and get the same typed results, so the core cannot know which one called it")
            .allowEmptyShould(true);

    @ArchTest
    public static final ArchRule sshEngineDependsOnNoUseCaseNorFrontEnd = noClasses()
            .that().resideInAPackage(SSH)
            .should().dependOnClassesThat().resideInAnyPackage(CORE, CLI, DESKTOP)
            .because("docs/design.md: the SSH engine is a library under the use cases; it calls a prompt interface"
                    + " and never a front end")
            .allowEmptyShould(true);

    @ArchTest
    public static final ArchRule cliDoesNotCallTheDesktopApp = noClasses()
            .that().resideInAPackage(CLI)
            .should().dependOnClassesThat().resideInAPackage(DESKTOP)
            .because("docs/design.md: what both front ends need lives in the core")
            .allowEmptyShould(true);

    @ArchTest
    public static final ArchRule desktopAppDoesNotCallTheCli = noClasses()
            .that().resideInAPackage(DESKTOP)
            .should().dependOnClassesThat().resideInAPackage(CLI)
            .because("docs/design.md: what both front ends need lives in the core")
            .allowEmptyShould(true);

    @ArchTest
    public static final ArchRule noOkHttpInTheApp = noClasses()
            .should().dependOnClassesThat().resideInAPackage("okhttp3..")
            .because("docs/design.md: no OkHttp outside sync/client; the app talks to the server only through the"
                    + " sync client, which holds token handling and rollback checks")
            .allowEmptyShould(true);

    @ArchTest
    public static final ArchRule noJdbcInTheApp = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..")
            .because("docs/design.md: no JDBC outside the stores; the app reads and writes records only through the"
                    + " Vault API, which encrypts them")
            .allowEmptyShould(true);

    @ArchTest
    public static final ArchRule noVaultInternalsInTheApp = noClasses()
            .should().dependOnClassesThat().resideInAPackage("dev.termvault.vault.internal..")
            .because("docs/design.md: the vault's internals are not API; the app uses Vault, its account and sync"
                    + " facets, their records and the model")
            .allowEmptyShould(true);

    /*
     * java.security is allowed on purpose, except SecureRandom: the SSH engine needs KeyPairGenerator,
     * KeyFactory, Signature and MessageDigest to make keys, read OpenSSH formats and show SHA256 fingerprints
     * as ssh-keygen does. Those are key-format and signature tools, not the vault's encryption. Randomness,
     * ciphers, MACs and KDFs stay in the vault's crypto package.
     */
    @ArchTest
    public static final ArchRule noCryptoPrimitivesInTheApp = noClasses()
            .should().dependOnClassesThat(cryptoPrimitives())
            .because("docs/design.md: no crypto primitives (Cipher, Mac, KDFs, SecureRandom) outside the vault's"
                    + " crypto package, the server's key handling and the SRP ends; record encryption is the"
                    + " vault's job")
            .allowEmptyShould(true);

    private static DescribedPredicate<JavaClass> cryptoPrimitives() {
        return resideInAnyPackage("javax.crypto..", "org.bouncycastle..")
                .or(assignableTo(java.security.SecureRandom.class))
                .as("are crypto primitives (javax.crypto, java.security.SecureRandom, org.bouncycastle)");
    }
}
