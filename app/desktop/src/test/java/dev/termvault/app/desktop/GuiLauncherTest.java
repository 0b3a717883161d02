package dev.termvault.app.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class GuiLauncherTest {

    @Test
    void displayAvailable_linuxNeedsX11OrWayland_windowsAndMacAlwaysHaveOne() {
        assertThat(GuiLauncher.displayAvailable("Linux", Map.of())).isFalse();
        assertThat(GuiLauncher.displayAvailable("Linux", Map.of("DISPLAY", " "))).isFalse();
        assertThat(GuiLauncher.displayAvailable("Linux", Map.of("DISPLAY", ":0"))).isTrue();
        assertThat(GuiLauncher.displayAvailable("Linux", Map.of("WAYLAND_DISPLAY", "wayland-0"))).isTrue();
        assertThat(GuiLauncher.displayAvailable("Windows 11", Map.of())).isTrue();
        assertThat(GuiLauncher.displayAvailable("Mac OS X", Map.of())).isTrue();
    }
}
