package dev.termvault.vault;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * The layering lines of docs/design.md ("Modules") inside the vault library. Each rule says why it holds; see
 * docs/architecture.md for the whole map.
 */
@AnalyzeClasses(packages = "dev.termvault.vault", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String STORE = "dev.termvault.vault.internal.store..";
    private static final String CRYPTO = "dev.termvault.vault.internal.crypto..";
    private static final String MODEL = "dev.termvault.vault.model..";
    private static final String INTERNAL = "dev.termvault.vault.internal..";

    @ArchTest
    static final ArchRule jdbcOnlyInTheStore = noClasses()
            .that().resideOutsideOfPackage(STORE)
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..")
            .because("docs/design.md: no JDBC outside the stores; the SQLite cache is reached only through"
                    + " dev.termvault.vault.internal.store, so what is written to disk is decided in one place")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule cryptoPrimitivesOnlyInTheCryptoPackage = noClasses()
            .that().resideOutsideOfPackage(CRYPTO)
            .should().dependOnClassesThat(cryptoPrimitives())
            .because("docs/design.md: no crypto primitives (Cipher, Mac, KDFs, SecureRandom, Bouncy Castle) outside"
                    + " the vault's internal crypto package, so every use of a key can be reviewed in one package")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule modelDependsOnNothingElseInTheVault = noClasses()
            .that().resideInAPackage(MODEL)
            .should().dependOnClassesThat(resideInAPackage("dev.termvault.vault..").and(not(resideInAPackage(MODEL))))
            .because("the record model is the plaintext every module shares (app, sync, GUI); it must not pull in"
                    + " the store or the crypto, so it can be used and tested on its own")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule noCyclesBetweenVaultPackages = slices()
            .matching("dev.termvault.vault.(*)..")
            .should().beFreeOfCycles()
            .because("layers depend one way (the internals below the API, the model below all), which keeps"
                    + " each package testable alone")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule noCyclesBetweenInternalPackages = slices()
            .matching("dev.termvault.vault.internal.(*)..")
            .should().beFreeOfCycles()
            .because("store, envelope and crypto depend one way (envelope on crypto, nothing on the steps above"
                    + " them), which keeps each package testable alone")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule apiValueTypesDependOnNoInternals = noClasses()
            .that().resideInAnyPackage("dev.termvault.vault.secret..", "dev.termvault.vault.sync..", MODEL)
            .should().dependOnClassesThat().resideInAPackage(INTERNAL)
            .because("docs/architecture.md: the value types of the vault's API (secret, sync, model) are what the"
                    + " other modules hold; they must not drag the internals along")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule publicSignaturesShowNoInternalTypes = methods()
            .that().arePublic().and().areDeclaredInClassesThat().arePublic()
            .and().areDeclaredInClassesThat().resideOutsideOfPackage(INTERNAL)
            .should(new ArchCondition<JavaMethod>("not take or return a type of dev.termvault.vault.internal") {
                @Override
                public void check(JavaMethod method, ConditionEvents events) {
                    List<JavaClass> types = new ArrayList<>(method.getRawParameterTypes());
                    types.add(method.getRawReturnType());
                    for (JavaClass type : types) {
                        if (type.getPackageName().startsWith("dev.termvault.vault.internal")) {
                            events.add(SimpleConditionEvent.violated(method, method.getFullName() + " uses "
                                    + type.getName()));
                        }
                    }
                }
            })
            .because("docs/architecture.md: the public API (Vault, its facets and their records) speaks in its"
                    + " own types; the store's rows, keyrings and envelopes stay behind it")
            .allowEmptyShould(true);

    /** javax.crypto (Cipher, Mac, KDF...), java.security.SecureRandom and everything in Bouncy Castle. */
    static com.tngtech.archunit.base.DescribedPredicate<JavaClass> cryptoPrimitives() {
        return resideInAnyPackage("javax.crypto..", "org.bouncycastle..")
                .or(JavaClass.Predicates.assignableTo(java.security.SecureRandom.class))
                .as("are crypto primitives (javax.crypto, java.security.SecureRandom, org.bouncycastle)");
    }
}
