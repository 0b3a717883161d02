package dev.termvault.sync.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.termvault.sync.server", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule jdbcOnlyInStores = noClasses()
            .that().resideOutsideOfPackage("dev.termvault.sync.server..store..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "com.zaxxer.hikari..",
                    "org.sqlite..", "org.postgresql..")
            .because("SQL and connection handling stay in the store packages, behind store classes");

    @ArchTest
    static final ArchRule javalinOnlyInHttpLayerAndRoleRoutes = noClasses()
            .that().resideOutsideOfPackages("dev.termvault.sync.server.http..")
            .and().doNotHaveSimpleName("Role")
            .and().doNotHaveSimpleName("BlobsRole")
            .and().doNotHaveSimpleName("BlobRoutes")
            .and().doNotHaveSimpleName("StreamClients")
            .and().doNotHaveSimpleName("KeysRole")
            .and().haveSimpleNameNotEndingWith("Routes")
            .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "org.eclipse.jetty..", "jakarta.servlet..")
            .because("services and stores are plain Java; only the HTTP layer and each role's route classes"
                    + " know the web framework");

    @ArchTest
    static final ArchRule cryptoPrimitivesOnlyInKeyHandlingAuthAndTls = noClasses()
            .that().resideOutsideOfPackages("dev.termvault.sync.server.keys.crypto..",
                    "dev.termvault.sync.server.auth..", "dev.termvault.sync.server.tls..")
            .should().dependOnClassesThat().resideInAnyPackage("javax.crypto..", "org.bouncycastle..",
                    "com.nimbusds.jose.crypto..")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.security.SecureRandom")
            .because("crypto primitives live only in the key service's key handling, token verification and"
                    + " the TLS certificate set-up, where they are reviewed together");

    @ArchTest
    static final ArchRule blobServiceNeverUsesKeyService = noClasses()
            .that().resideInAPackage("dev.termvault.sync.server.blobs..")
            .should().dependOnClassesThat().resideInAPackage("dev.termvault.sync.server.keys..")
            .because("the blob service holds no key-service secrets and trusts it only through public keys");

    @ArchTest
    static final ArchRule keyServiceNeverUsesBlobService = noClasses()
            .that().resideInAPackage("dev.termvault.sync.server.keys..")
            .should().dependOnClassesThat().resideInAPackage("dev.termvault.sync.server.blobs..")
            .because("the roles are separate; in one process they talk only through interfaces in Peers")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule noVaultInternals = noClasses()
            .should().dependOnClassesThat().resideInAPackage("dev.termvault.vault.internal..")
            .because("docs/architecture.md: dev.termvault.vault.internal is not API, and the server never opens"
                    + " what a vault seals: it stores envelopes and wrapped keys as opaque bytes")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule noOkHttp = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("okhttp3..")
            .because("OkHttp belongs to sync/client only");
}
