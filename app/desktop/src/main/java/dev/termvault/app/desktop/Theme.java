package dev.termvault.app.desktop;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;

/** The looks of the app, from AtlantaFX: light, dark, or what the operating system uses (light if unknown). */
public enum Theme {
    LIGHT,
    DARK,
    SYSTEM;

    /** Whether this theme shows dark (for {@link #SYSTEM}, as the system is set, light when that is unknown). */
    public boolean dark() {
        return this == DARK || this == SYSTEM && SystemTheme.prefersDark().orElse(false);
    }

    /** Whether the system's light or dark setting could be read (else {@link #SYSTEM} shows light). */
    public static boolean systemDetectable() {
        return SystemTheme.prefersDark().isPresent();
    }

    /** Makes this theme the user-agent stylesheet of the whole application. */
    public void apply() {
        Application.setUserAgentStylesheet(dark()
                ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }
}
