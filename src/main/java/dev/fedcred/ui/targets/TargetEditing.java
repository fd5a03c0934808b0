package dev.fedcred.ui.targets;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.status.TargetSnapshot;
import dev.fedcred.core.targets.Target;
import dev.fedcred.ui.fx.BackgroundWork;
import dev.fedcred.ui.fx.Confirmation;
import dev.fedcred.ui.fx.ConfirmationAlert;
import dev.fedcred.ui.fx.FilePicker;
import dev.fedcred.ui.fx.Icons;
import dev.fedcred.ui.fx.Nodes;
import dev.fedcred.ui.fx.UserMessages;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.Region;
import javafx.stage.Window;

/**
 * Adding, editing and deleting the user's targets from the targets section: the "Add target…"
 * menu, the dialogs, and the question before a delete. What the dialogs offer is read off the FX
 * thread before they open; every change goes through core's TargetEditor, and the section reads
 * the targets again after it.
 */
public final class TargetEditing {
    public static final String ADD_TARGET = "Add target";
    static final ButtonType DELETE = new ButtonType("Delete", ButtonBar.ButtonData.OK_DONE);

    private final FedcredContext context;
    private final BackgroundWork work;
    private final FilePicker picker;
    private final Supplier<Window> owner;
    private final Runnable refresh;
    private final MenuButton add = new MenuButton(ADD_TARGET + "…");
    private final Label notice = new Label();
    /** The open dialog and the open question, closed when another opens or the window goes. */
    private TargetDialog dialog;
    private Alert question;

    /** @param refresh reads the targets again and shows them */
    TargetEditing(FedcredContext context, BackgroundWork work, FilePicker picker, Supplier<Window> owner,
                  Runnable refresh) {
        this.context = context;
        this.work = work;
        this.picker = picker;
        this.owner = owner;
        this.refresh = refresh;
        // every registered kind, in the order of registration: a new kind needs no code here
        for (var kind : context.kinds().all()) {
            MenuItem item = new MenuItem(addItemText(kind.title()));
            item.setOnAction(event -> open(kind, null));
            add.getItems().add(item);
        }
        add.setAccessibleText(ADD_TARGET);
        add.setMinWidth(Region.USE_PREF_SIZE);
        Icons.ADD.on(add);
        notice.getStyleClass().add("notice");
        notice.setAccessibleText("Targets notice");
        Nodes.wrapFully(notice);
        Nodes.hide(notice);
    }

    /** The "Add target…" menu's entry for a kind: "AWS role…". */
    public static String addItemText(String kindTitle) {
        return kindTitle + "…";
    }

    /** The "Add target…" menu for the section's header. */
    MenuButton addButton() {
        return add;
    }

    /** What the last change did, for under the section's header. */
    Label notice() {
        return notice;
    }

    void edit(TargetSnapshot snapshot) {
        open(context.kinds().of(snapshot.target()).kind(), snapshot.target());
    }

    /** Asks first, naming the target; offers to remove what fedcred wrote for it as well. */
    void delete(TargetSnapshot snapshot) {
        Target target = snapshot.target();
        TargetKind kind = TargetKind.of(snapshot);
        CheckBox alsoFiles = new CheckBox(kind == null ? "Also remove what fedcred wrote for " + target.name()
                : kind.alsoRemoveText(snapshot));
        alsoFiles.setWrapText(true);
        alsoFiles.setSelected(true);
        alsoFiles.setAccessibleText("Also remove the credentials of " + target.name());
        // nothing there, nothing to offer; a file someone else wrote is never touched, whatever is ticked
        boolean written = snapshot.written();
        Confirmation confirmation = new Confirmation("Delete target",
                "Delete the target " + target.name() + "? It goes from fedcred's settings; the role or provider in the"
                        + " cloud stays as it is.", DELETE, "Confirm deleting target " + target.name(),
                "Keep target " + target.name());
        closeQuestion();
        question = written
                ? ConfirmationAlert.show(confirmation, owner.get(), () -> delete(target, alsoFiles.isSelected()), () -> { },
                        alsoFiles)
                : ConfirmationAlert.show(confirmation, owner.get(), () -> delete(target, false), () -> { });
    }

    void close() {
        closeQuestion();
        if (dialog != null) {
            dialog.close();
        }
    }

    private void delete(Target target, boolean alsoFiles) {
        work.run(() -> context.targetEditor().delete(target.name(), alsoFiles), deletion -> {
            showNotice("Deleted the target " + target.name() + "."
                    + (deletion.writtenFiles() == null ? "" : " " + deletion.writtenFiles()));
            refresh.run();
        }, failure -> {
            showNotice("Cannot delete the target " + target.name() + ": " + UserMessages.of(failure));
            refresh.run();
        });
    }

    private void saved(Target target) {
        showNotice("Saved the target " + target.name() + ".");
        refresh.run();
    }

    void showNotice(String text) {
        notice.setText(text);
        Nodes.show(notice);
    }

    /** Reads what the dialog offers off the FX thread, then builds and shows it; {@code editing} null adds. */
    private void open(dev.fedcred.core.targets.TargetKind<?> kind, Target editing) {
        work.run(() -> TargetChoices.read(context), choices -> {
            if (dialog != null) {
                dialog.close();
            }
            dialog = new TargetDialog(owner.get(), kind, context, work, picker, choices, editing, this::saved);
            dialog.show();
        }, failure -> showNotice("Cannot open the target dialog: " + UserMessages.of(failure)));
    }

    private void closeQuestion() {
        if (question != null) {
            question.close();
        }
    }
}
