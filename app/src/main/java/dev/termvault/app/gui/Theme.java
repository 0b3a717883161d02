package dev.termvault.app.gui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;

/** The two looks of the app, from AtlantaFX. */
public enum Theme {
    LIGHT,
    DARK;

    /** Makes this theme the user-agent stylesheet of the whole application. */
    public void apply() {
        Application.setUserAgentStylesheet(this == DARK
                ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }
}
