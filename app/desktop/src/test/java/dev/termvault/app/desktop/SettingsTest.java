package dev.termvault.app.desktop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.termvault.app.desktop.settings.SettingsViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** gui.properties, the settings view model and fitting a saved window on the screens, without the toolkit. */
class SettingsTest {

    @TempDir
    Path dir;

    @Test
    void defaults_whenThereIsNoFile() {
        GuiSettings settings = GuiSettings.load(dir);
        assertThat(settings.theme()).isEqualTo(Theme.LIGHT);
        assertThat(settings.autoLockMinutes()).isEqualTo(10);
        assertThat(settings.clipboardClearSeconds()).isEqualTo(30);
        assertThat(settings.window()).isEmpty();
    }

    @Test
    void everyValue_survivesAReload_andOneChangeKeepsTheOthers() {
        GuiSettings settings = GuiSettings.load(dir);
        settings.setTheme(Theme.SYSTEM);
        settings.setAutoLockMinutes(0);
        settings.setClipboardClearSeconds(45);
        settings.setWindow(new WindowBounds(100, 50, 1200, 800, true));
        GuiSettings.load(dir).setTheme(Theme.DARK);

        GuiSettings again = GuiSettings.load(dir);
        assertThat(again.theme()).isEqualTo(Theme.DARK);
        assertThat(again.autoLockMinutes()).isZero();
        assertThat(again.clipboardClearSeconds()).isEqualTo(45);
        assertThat(again.window()).contains(new WindowBounds(100, 50, 1200, 800, true));
    }

    @Test
    void savedFile_isOwnerOnly_evenWhenTheOldOneWasReadableByOthers() throws Exception {
        Path file = dir.resolve("gui.properties");
        GuiSettings.load(dir).setTheme(Theme.DARK);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        GuiSettings.load(dir).setAutoLockMinutes(5);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(GuiSettings.load(dir).theme()).isEqualTo(Theme.DARK);
    }

    @Test
    void badValuesInTheFile_fallBackToDefaults() throws Exception {
        Files.writeString(dir.resolve("gui.properties"), "theme=purple\nautoLockMinutes=-3\n"
                + "clipboardClearSeconds=lots\nwindow=1,2,nope\n");
        GuiSettings settings = GuiSettings.load(dir);
        assertThat(settings.theme()).isEqualTo(Theme.LIGHT);
        assertThat(settings.autoLockMinutes()).isEqualTo(10);
        assertThat(settings.clipboardClearSeconds()).isEqualTo(30);
        assertThat(settings.window()).isEmpty();
    }

    @Test
    void outOfRangeValues_areRefused() {
        GuiSettings settings = GuiSettings.load(dir);
        assertThatThrownBy(() -> settings.setClipboardClearSeconds(1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> settings.setAutoLockMinutes(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void viewModel_savesEachChange_andTellsAutoLock() {
        GuiSettings settings = GuiSettings.load(dir);
        List<Theme> applied = new ArrayList<>();
        AtomicInteger autoLockChanges = new AtomicInteger();
        SettingsViewModel model = new SettingsViewModel(settings, applied::add, autoLockChanges::incrementAndGet);
        assertThat(model.autoLockEnabledProperty().get()).isTrue();
        assertThat(model.autoLockMinutesProperty().get()).isEqualTo(10);

        model.themeProperty().set(Theme.DARK);
        model.autoLockMinutesProperty().set(3);
        model.autoLockEnabledProperty().set(false);
        model.clipboardSecondsProperty().set(2);

        assertThat(applied).containsExactly(Theme.DARK);
        assertThat(autoLockChanges).hasValue(2);
        assertThat(model.clipboardSecondsProperty().get()).as("raised to the minimum").isEqualTo(5);
        GuiSettings saved = GuiSettings.load(dir);
        assertThat(saved.theme()).isEqualTo(Theme.DARK);
        assertThat(saved.autoLockMinutes()).as("off").isZero();
        assertThat(saved.clipboardClearSeconds()).isEqualTo(5);

        SettingsViewModel reopened = new SettingsViewModel(saved, t -> { }, () -> { });
        assertThat(reopened.autoLockEnabledProperty().get()).isFalse();
        reopened.autoLockEnabledProperty().set(true);
        assertThat(GuiSettings.load(dir).autoLockMinutes()).as("on again with the default").isEqualTo(10);
    }

    @Test
    void savedWindow_onAScreenThatIsGone_movesToTheScreenThereIs() {
        List<WindowBounds.Area> laptop = List.of(new WindowBounds.Area(0, 0, 1366, 740));
        WindowBounds onSecondMonitor = new WindowBounds(2200, 300, 1000, 700, false);
        WindowBounds fitted = onSecondMonitor.clampTo(laptop, 720, 480);
        assertThat(fitted).isEqualTo(new WindowBounds(366, 40, 1000, 700, false));
    }

    @Test
    void savedWindow_largerThanTheScreen_shrinks_andATinyOneGrowsToTheMinimum() {
        List<WindowBounds.Area> screen = List.of(new WindowBounds.Area(0, 24, 1280, 776));
        assertThat(new WindowBounds(-50, -10, 3000, 2000, true).clampTo(screen, 720, 480))
                .isEqualTo(new WindowBounds(0, 24, 1280, 776, true));
        assertThat(new WindowBounds(10, 30, 100, 100, false).clampTo(screen, 720, 480))
                .isEqualTo(new WindowBounds(10, 30, 720, 480, false));
    }

    @Test
    void savedWindow_picksTheScreenItMostlyLiesOn() {
        List<WindowBounds.Area> two = List.of(new WindowBounds.Area(0, 0, 1920, 1040),
                new WindowBounds.Area(1920, 0, 2560, 1400));
        WindowBounds straddling = new WindowBounds(1800, 100, 1000, 800, false);
        assertThat(straddling.clampTo(two, 720, 480)).isEqualTo(new WindowBounds(1920, 100, 1000, 800, false));
    }
}
