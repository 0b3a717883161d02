package dev.termvault.app.core.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.termvault.app.core.CoreException;
import dev.termvault.app.core.HostRef;
import dev.termvault.app.core.WhenUsed;
import dev.termvault.vault.Vault;
import dev.termvault.vault.VaultRecord;
import dev.termvault.vault.model.AuthMethod;
import dev.termvault.vault.model.Credential;
import dev.termvault.vault.model.Host;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The credentials use cases over a real vault: passwords stay out of listings, details and search. */
class CredentialsTest {

    @TempDir
    Path temp;
    Vault vault;
    Credentials credentials;

    @BeforeEach
    void createVault() {
        vault = Vault.createLocal(temp.resolve("vault"), "correct horse battery staple".toCharArray()).vault();
        credentials = new Credentials(vault);
    }

    @AfterEach
    void closeVault() {
        vault.close();
    }

    @Test
    void add_listAndShow_neverCarryThePassword_searchNeverLooksAtIt_revealDoes() {
        VaultRecord router = credentials.add("router", "admin", "s3cret-Zebra".toCharArray());
        credentials.add("no password", null, null);

        assertThat(credentials.list()).containsExactlyInAnyOrder(
                new CredentialRow(router.id(), "router", "admin", true, 0),
                new CredentialRow(credentials.show("no password").credential().id(), "no password", null, false, 0));
        assertThat(credentials.list().toString()).doesNotContain("s3cret");
        assertThat(credentials.show("router").toString()).doesNotContain("s3cret");
        assertThat(credentials.records("admin")).extracting(VaultRecord::id).containsExactly(router.id());
        assertThat(credentials.records("zebra")).as("the password is not searched").isEmpty();
        assertThat(credentials.reveal("router")).isEqualTo("s3cret-Zebra");
    }

    @Test
    void add_refusesABlankOrTakenName_editKeepsWhatIsNotChanged() {
        credentials.add("router", "admin", "one".toCharArray());

        assertThatThrownBy(() -> credentials.add("router", "x", null)).isInstanceOf(CoreException.AlreadyExists.class);
        assertThatThrownBy(() -> credentials.add(" ", "x", null))
                .isInstanceOfSatisfying(CoreException.Invalid.class,
                        e -> assertThat(e.fieldErrors()).containsKey("name"));

        credentials.edit("router", null, "root", null);
        assertThat((Credential) credentials.records("").get(0).item())
                .isEqualTo(new Credential("router", "root", "one"));
        credentials.edit("ROUTER", "gateway", null, "two".toCharArray());
        assertThat(credentials.reveal("gateway")).isEqualTo("two");
        assertThat(credentials.show("gateway").credential().username()).isEqualTo("root");
    }

    @Test
    void delete_aCredentialInUse_isRefusedNamingTheHosts_unlessUnlinked() {
        VaultRecord login = credentials.add("box login", "root", "hunter2".toCharArray());
        String box = vault.add(new Host("box", "192.168.1.1", 22, null, AuthMethod.PASSWORD, null, login.id(),
                List.of(), List.of(), List.of(), null, null, 0, Map.of(), false, List.of())).id();

        assertThat(credentials.show("box login").hosts()).containsExactly(new HostRef(box, "box"));
        assertThat(credentials.list().get(0).usedBy()).isEqualTo(1);
        assertThatThrownBy(() -> credentials.delete("box login", WhenUsed.REFUSE))
                .isInstanceOf(CoreException.NotConfirmed.class).hasMessageContaining("box");
        assertThat(vault.get(login.id())).isPresent();

        CredentialDeletion deleted = credentials.delete("box login", WhenUsed.UNLINK);

        assertThat(deleted.unlinked()).extracting(HostRef::label).containsExactly("box");
        assertThat(vault.get(login.id())).isEmpty();
        assertThat(((Host) vault.get(box).orElseThrow().item()).credentialId()).isNull();
    }
}
