package dev.fedcred.ui.preferences;

import dev.fedcred.core.session.RefreshTokenVault;
import dev.fedcred.core.text.OutsideText;
import dev.fedcred.ui.fx.Nodes;
import javafx.application.Platform;
import javafx.scene.control.Label;

/**
 * Says in the window, once, that the keychain setting is on but the OS keychain did not answer,
 * so refresh tokens are held in memory for this run only.
 */
public final class KeychainNotice extends Label {
    public KeychainNotice(RefreshTokenVault vault) {
        getStyleClass().add("renewal-notice");
        setId("keychain-notice");
        Nodes.wrapFully(this);
        setMaxWidth(Double.MAX_VALUE);
        Nodes.hide(this);
        vault.onKeychainUnavailable(notice -> Platform.runLater(() -> {
            // the notice quotes the keychain tool's own error output
            setText(OutsideText.neutraliseKeepingLineBreaks(notice));
            Nodes.show(this);
        }));
    }
}
