package dev.fedcred.ui.claims;

import dev.fedcred.core.oidc.TokenSet;
import dev.fedcred.ui.fx.Later;
import dev.fedcred.ui.fx.Resources;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.stage.Window;

/**
 * Copies the raw ID token, and only that (never the refresh token), after a warning that it is a
 * bearer credential. The clipboard is cleared after a while if it still holds the token.
 */
public final class RawTokenCopy {
    static final String TITLE = "Copy the raw ID token";
    static final ButtonType COPY = new ButtonType("Copy ID token", ButtonBar.ButtonData.OK_DONE);
    public static final Duration CLEAR_AFTER = Duration.ofSeconds(60);
    private static final DateTimeFormatter HOURS_MINUTES = DateTimeFormatter.ofPattern("HH:mm");

    private final TokenClipboard clipboard;
    private final Duration clearAfter;
    private final Later later;
    private final ZoneId zone;
    private Alert warning;
    /** Cancels the pending clear of the last copy; null when none is pending. */
    private Runnable clearing;

    /** @param later when the clipboard's clear runs: the window's timer, or a test's */
    public RawTokenCopy(TokenClipboard clipboard, Duration clearAfter, Later later, ZoneId zone) {
        this.clipboard = clipboard;
        this.clearAfter = clearAfter;
        this.later = later;
        this.zone = zone;
    }

    /** The warning's text: what the token lets anyone do, until when, and where copies may linger. */
    String warningText(TokenSet tokens) {
        return "The ID token is a bearer credential: anyone who holds it can exchange it for cloud credentials"
                + " until it expires at " + HOURS_MINUTES.format(tokens.expiresAt().atZone(zone)) + ". Clipboard"
                + " managers and synced clipboards may keep a copy. Paste it only where you trust it; fedcred clears"
                + " the clipboard after " + clearAfter.toSeconds() + " seconds if it still holds the token.";
    }

    /** Asks first; on Copy puts the ID token on the clipboard and tells {@code copied} what to show. */
    void ask(TokenSet tokens, Window owner, Consumer<String> copied) {
        close();
        Alert alert = new Alert(Alert.AlertType.WARNING, "", COPY, ButtonType.CANCEL);
        alert.setTitle(TITLE);
        alert.setHeaderText("Copy your ID token for " + tokens.issuerName() + "?");
        Label text = new Label(warningText(tokens));
        text.setWrapText(true);
        text.setPrefWidth(460);
        text.setMinHeight(Region.USE_PREF_SIZE);
        alert.getDialogPane().setContent(text);
        alert.getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
        alert.getDialogPane().getStylesheets().add(
                Objects.requireNonNull(getClass().getResource(Resources.STYLESHEET)).toExternalForm());
        alert.getDialogPane().lookupButton(COPY).setAccessibleText("Copy the ID token of " + tokens.issuerName());
        alert.getDialogPane().lookupButton(ButtonType.CANCEL).setAccessibleText("Do not copy the ID token");
        // the safe answer is the default: Enter alone does not copy a credential
        ((Button) alert.getDialogPane().lookupButton(COPY)).setDefaultButton(false);
        ((Button) alert.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        if (owner != null) {
            alert.initOwner(owner);
        }
        alert.resultProperty().addListener((observable, before, result) -> {
            if (result == COPY) {
                copy(tokens.rawIdToken());
                copied.accept("Copied the ID token. The clipboard is cleared in " + clearAfter.toSeconds()
                        + " seconds if it still holds it.");
            }
        });
        warning = alert;
        alert.show();
    }

    public void close() {
        if (warning != null) {
            warning.close();
            warning = null;
        }
    }

    private void copy(String idToken) {
        clipboard.put(idToken);
        if (clearing != null) {
            clearing.run();
        }
        clearing = later.after(clearAfter, () -> {
            // something copied since is the user's, not ours to clear
            if (clipboard.holds(idToken)) {
                clipboard.clear();
            }
        });
    }
}
