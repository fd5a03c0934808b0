package dev.fedcred.ui.fx;

import javafx.scene.control.Labeled;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Feather icons on the window's buttons. They are decoration: every button keeps its text
 * or accessible text, and a screen reader skips the icon.
 */
public enum Icons {
    SIGN_IN(Feather.LOG_IN),
    SIGN_OUT(Feather.LOG_OUT),
    GET_CREDENTIALS(Feather.KEY),
    RENEW(Feather.REFRESH_CW),
    REMOVE(Feather.TRASH_2),
    EDIT(Feather.EDIT_2),
    ADD(Feather.PLUS),
    COPY(Feather.COPY),
    CHECK(Feather.ACTIVITY),
    CLOUD(Feather.CLOUD),
    OPEN_EXTERNAL(Feather.EXTERNAL_LINK),
    PREFERENCES(Feather.SETTINGS);

    private final Feather icon;

    Icons(Feather icon) {
        this.icon = icon;
    }

    /** Puts the icon before the control's text. */
    public void on(Labeled control) {
        FontIcon graphic = new FontIcon(icon);
        graphic.getStyleClass().add("button-icon");
        graphic.setFocusTraversable(false);
        graphic.setAccessibleText("");
        control.setGraphic(graphic);
    }
}
