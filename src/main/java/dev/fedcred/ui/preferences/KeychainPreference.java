package dev.fedcred.ui.preferences;

import dev.fedcred.core.session.KeychainSetting;
import dev.fedcred.core.text.OutsideText;
import dev.fedcred.ui.fx.BackgroundWork;
import dev.fedcred.ui.fx.Nodes;
import dev.fedcred.ui.fx.UserMessages;
import javafx.application.Platform;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * The "keep refresh tokens in the OS keychain" setting as a check box with a status line below
 * it, for the Preferences dialog. Asking the keychain and moving tokens run in the background;
 * the box is disabled meanwhile, and when the keychain refuses, the box goes back and says why.
 */
public final class KeychainPreference extends VBox {
    static final String LABEL = "Keep refresh tokens in the OS keychain";
    static final String STATUS = "Keychain status";

    private final KeychainSetting setting;
    private final BackgroundWork work;
    private final CheckBox box = new CheckBox(LABEL);
    private final Label status = new Label("Asking the OS keychain…");

    public KeychainPreference(KeychainSetting setting, BackgroundWork work) {
        super(6);
        this.setting = setting;
        this.work = work;
        getStyleClass().add("keychain-preference");
        box.setAccessibleText(LABEL);
        box.setDisable(true);
        box.setOnAction(event -> change(box.isSelected()));
        status.setAccessibleText(STATUS);
        status.getStyleClass().add("notice");
        Nodes.wrapFully(status);
        getChildren().addAll(box, status);
        setting.vault().onKeychainUnavailable(notice -> Platform.runLater(() ->
                status.setText(OutsideText.neutraliseKeepingLineBreaks(notice))));
        work.run(setting::status, this::show, this::failed);
    }

    private void change(boolean on) {
        box.setDisable(true);
        status.setText(on ? "Moving refresh tokens into the keychain…" : "Moving refresh tokens back into the token file…");
        work.run(() -> on ? setting.turnOn() : setting.turnOff(), this::changed, this::failed);
    }

    private void changed(KeychainSetting.Change change) {
        show(change.status());
        if (!change.notMoved().isEmpty()) {
            status.setText(status.getText() + " " + OutsideText.neutraliseKeepingLineBreaks(change.notMovedSentence()));
        }
    }

    private void show(KeychainSetting.Status current) {
        box.setSelected(current.on());
        box.setDisable(false);
        // the problem quotes the keychain tool's own error output
        status.setText(OutsideText.neutraliseKeepingLineBreaks(current.answers() ? current.where()
                : current.on() ? current.where() + " " + current.problem()
                : current.problem() + " Refresh tokens stay in the token file."));
    }

    /** The keychain refused (or reading the settings failed): the box shows the setting as it is on disk. */
    private void failed(Throwable failure) {
        status.setText(UserMessages.of(failure));
        work.run(setting::status, current -> {
            box.setSelected(current.on());
            box.setDisable(false);
        }, ignored -> box.setDisable(false));
    }
}
