package dev.termvault.app.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataDirectoriesTest {

    private static final Path HOME = Path.of("/home/ada");

    @Test
    void linux_withXdgDataHome_usesIt() {
        assertThat(DataDirectories.defaultVaultDirectory("Linux", Map.of("XDG_DATA_HOME", "/data/ada"), HOME))
                .isEqualTo(Path.of("/data/ada/termvault"));
    }

    @Test
    void linux_withoutXdgDataHomeOrWithARelativeOne_usesLocalShare() {
        assertThat(DataDirectories.defaultVaultDirectory("Linux", Map.of(), HOME))
                .isEqualTo(Path.of("/home/ada/.local/share/termvault"));
        assertThat(DataDirectories.defaultVaultDirectory("Linux", Map.of("XDG_DATA_HOME", "rel"), HOME))
                .isEqualTo(Path.of("/home/ada/.local/share/termvault"));
    }

    @Test
    void macOs_usesApplicationSupport() {
        assertThat(DataDirectories.defaultVaultDirectory("Mac OS X", Map.of(), HOME))
                .isEqualTo(Path.of("/home/ada/Library/Application Support/Termvault"));
    }

    @Test
    void windows_usesAppData() {
        assertThat(DataDirectories.defaultVaultDirectory("Windows 11", Map.of("APPDATA", "/appdata"), HOME))
                .isEqualTo(Path.of("/appdata/Termvault"));
        assertThat(DataDirectories.defaultVaultDirectory("Windows 11", Map.of(), HOME))
                .isEqualTo(Path.of("/home/ada/AppData/Roaming/Termvault"));
    }
}
