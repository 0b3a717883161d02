package dev.termvault.app.desktop;

import dev.termvault.app.core.EmergencyKit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.termvault.app.desktop.firstrun.FirstRunViewModel;
import dev.termvault.app.core.hosts.HostField;
import dev.termvault.app.desktop.hosts.HostEditorViewModel;
import dev.termvault.app.desktop.hosts.HostListViewModel;
import dev.termvault.app.desktop.unlock.UnlockViewModel;
import dev.termvault.vault.Vault;
import dev.termvault.vault.VaultRecord;
import dev.termvault.vault.model.Host;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The view models without the JavaFX toolkit: properties and bindings only, work run on the calling thread.
 * One vault is created for the class (each key derivation costs about a second).
 */
class ViewModelsTest {

    private static final String PASSWORD = "correct horse Battery 9";
    private static final TaskExecutor NOW = new CurrentThreadTaskExecutor();

    @TempDir
    static Path temp;
    static Vault vault;
    static String secretKey;

    @BeforeAll
    static void createVaultThroughTheFirstRunModel() {
        AtomicReference<Vault> created = new AtomicReference<>();
        FirstRunViewModel model = new FirstRunViewModel(temp.resolve("vault"), NOW, created::set);
        model.passwordProperty().set(PASSWORD);
        model.confirmationProperty().set(PASSWORD);
        assertThat(model.canCreateProperty().get()).isTrue();

        model.create();

        assertThat(model.emergencyKitProperty().get()).isNotNull();
        secretKey = model.emergencyKitProperty().get().secretKey();
        assertThat(model.passwordProperty().get()).isEmpty();
        assertThat(model.canCreateProperty().get()).as("a second create is refused").isFalse();
        assertThat(model.createdVault()).isPresent();
        model.finish();
        vault = created.get();
        assertThat(vault).isSameAs(model.createdVault().orElseThrow());
        assertThat(vault.isUnlocked()).isTrue();
    }

    @AfterAll
    static void closeVault() {
        vault.close();
    }

    @Test
    void firstRun_weakOrMismatchedPasswords_blockCreateWithAReason() {
        FirstRunViewModel model = new FirstRunViewModel(temp.resolve("unused"), NOW, v -> { });
        model.passwordProperty().set("short");
        assertThat(model.canCreateProperty().get()).isFalse();
        assertThat(model.problemProperty().get()).contains("8 characters");

        model.passwordProperty().set("aaaaaaaaaaaa");
        assertThat(model.problemProperty().get()).contains("easy to guess");

        model.passwordProperty().set(PASSWORD);
        model.confirmationProperty().set(PASSWORD + "x");
        assertThat(model.problemProperty().get()).contains("not the same");
        assertThat(model.canCreateProperty().get()).isFalse();

        model.confirmationProperty().set(PASSWORD);
        assertThat(model.problemProperty().get()).isEmpty();
        assertThat(model.canCreateProperty().get()).isTrue();
        assertThat(Files.exists(temp.resolve("unused"))).as("validation writes nothing").isFalse();
    }

    @Test
    void firstRun_emergencyKit_savedToANewFileOnlyOnce() throws Exception {
        FirstRunViewModel model = new FirstRunViewModel(temp.resolve("kit-vault"), NOW, v -> { });
        model.emergencyKitProperty().set(new dev.termvault.app.core.EmergencyKit(temp, "TV1-TEST"));
        Path file = temp.resolve("kit.txt");

        model.saveEmergencyKit(file);
        assertThat(Files.readString(file)).contains("Secret Key:   TV1-TEST");
        assertThat(model.savedMessageProperty().get()).startsWith("Saved to");

        model.saveEmergencyKit(file);
        assertThat(model.savedMessageProperty().get()).startsWith("Could not save");
    }

    @Test
    void hostEditor_validatesLabelHostnameAndPort() {
        HostEditorViewModel editor = new HostEditorViewModel(vault);
        editor.startNew();
        assertThat(editor.validProperty().get()).isFalse();
        assertThat(editor.errorProperty(HostField.LABEL).get()).isNotEmpty();
        assertThat(editor.errorProperty(HostField.HOSTNAME).get()).isNotEmpty();

        editor.labelProperty().set("web");
        editor.hostnameProperty().set("web.example.com");
        for (String bad : List.of("0", "65536", "-1", "22a", "")) {
            editor.portProperty().set(bad);
            assertThat(editor.errorProperty(HostField.PORT).get()).as(bad).isNotEmpty();
            assertThat(editor.validProperty().get()).as(bad).isFalse();
            assertThat(editor.save()).as(bad).isEmpty();
        }
        for (String good : List.of("1", "22", "65535")) {
            editor.portProperty().set(good);
            assertThat(editor.validProperty().get()).as(good).isTrue();
        }
        editor.hostnameProperty().set("two words");
        assertThat(editor.errorProperty(HostField.HOSTNAME).get()).contains("no spaces");
    }

    @Test
    void hostEditor_savesNewThenEditsKeepingOtherFields() {
        HostEditorViewModel editor = new HostEditorViewModel(vault);
        VaultRecord tagged = vault.add(Host.of("db", "db.internal", 22, "pg").withTags(List.of("prod")));
        editor.edit(tagged);
        editor.portProperty().set("5022");

        VaultRecord saved = editor.save().orElseThrow();

        assertThat(saved.id()).isEqualTo(tagged.id());
        Host host = (Host) vault.get(tagged.id()).orElseThrow().item();
        assertThat(host.port()).isEqualTo(5022);
        assertThat(host.tags()).containsExactly("prod");
        assertThat(host.username()).isEqualTo("pg");
    }

    @Test
    void hostList_searchNarrowsAsTheQueryChanges() {
        vault.add(Host.of("alpha-search", "alpha.search.test", 22, "ann"));
        vault.add(Host.of("beta-search", "beta.search.test", 2222, "bob"));
        HostListViewModel list = new HostListViewModel(vault);
        List<Integer> sizes = new ArrayList<>();

        for (String query : List.of("search", "search.test bob", "2222", "nothing-like-this")) {
            list.queryProperty().set(query);
            sizes.add(list.hosts().size());
        }

        assertThat(sizes).containsExactly(2, 1, 1, 0);
        list.queryProperty().set("bob");
        assertThat(list.hosts()).extracting(r -> ((Host) r.item()).label()).containsExactly("beta-search");
    }

    @Test
    void unlock_wrongPasswordShowsAClearError_thenTheRightOneUnlocks() {
        Vault locked = Vault.open(temp.resolve("vault"));
        try {
            AtomicReference<Vault> unlocked = new AtomicReference<>();
            UnlockViewModel model = new UnlockViewModel(locked, NOW, unlocked::set);
            assertThat(model.canUnlockProperty().get()).isFalse();

            model.passwordProperty().set("not the password");
            model.unlock();
            assertThat(model.errorProperty().get()).contains("not right");
            assertThat(model.passwordProperty().get()).isEmpty();
            assertThat(model.busyProperty().get()).isFalse();
            assertThat(unlocked.get()).isNull();

            model.passwordProperty().set(PASSWORD);
            model.unlock();
            assertThat(model.errorProperty().get()).isEmpty();
            assertThat(unlocked.get()).isSameAs(locked);
            assertThat(locked.isUnlocked()).isTrue();
        } finally {
            locked.close();
        }
    }
}
