package dev.fedcred.ui.fx;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.fedcred.core.settings.Appearance;
import javafx.application.Application;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * Puts AtlantaFX's Primer Light or Primer Dark under every window of the app, as the user's
 * appearance asks. "System" asks the operating system off the FX thread; until it answers, and
 * when it does not, the window stays light. A later choice wins over an answer still on its way.
 */
public final class WindowTheme {
    private final ColorSchemeProbe probe;
    private final BackgroundWork work;
    private final ReadOnlyBooleanWrapper dark = new ReadOnlyBooleanWrapper();
    private Appearance appearance = Appearance.SYSTEM;
    private int request;

    public WindowTheme(ColorSchemeProbe probe, BackgroundWork work) {
        this.probe = probe;
        this.work = work;
    }

    /** FX thread. */
    public void apply(Appearance chosen) {
        appearance = chosen;
        int mine = ++request;
        switch (chosen) {
            case LIGHT -> use(false);
            case DARK -> use(true);
            case SYSTEM -> work.run(probe::prefersDark, prefersDark -> {
                if (mine == request) {
                    use(prefersDark);
                }
            }, failure -> {
                if (mine == request) {
                    use(false);
                }
            });
        }
    }

    /** Light at once, before anything is read: no window shows in JavaFX's own Modena look. */
    public void useLightForNow() {
        use(false);
    }

    /** The last appearance chosen or read from the settings. */
    public Appearance appearance() {
        return appearance;
    }

    ReadOnlyBooleanProperty darkProperty() {
        return dark.getReadOnlyProperty();
    }

    private void use(boolean isDark) {
        Application.setUserAgentStylesheet(isDark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        dark.set(isDark);
    }
}
