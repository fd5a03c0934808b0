package dev.fedcred.ui.targets;

/** A dialog that adds or edits one kind of target, in its {@link TargetDialogFrame}. */
interface TargetDialog {
    TargetDialogFrame frame();
}
