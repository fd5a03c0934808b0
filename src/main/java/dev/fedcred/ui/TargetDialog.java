package dev.fedcred.ui;

import javafx.stage.Stage;

/** A dialog that adds or edits one kind of target. */
interface TargetDialog {
    void show();

    void close();

    Stage stage();
}
