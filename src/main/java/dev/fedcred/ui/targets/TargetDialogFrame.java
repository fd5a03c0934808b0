package dev.fedcred.ui.targets;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.targets.Target;
import dev.fedcred.core.targets.TargetField;
import dev.fedcred.ui.fx.BackgroundWork;
import dev.fedcred.ui.fx.FormDialog;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Window;

/**
 * What the AWS and GCP target dialogs share: the {@link FormDialog} around them, the name and
 * issuer rows, the line that says where the credentials go, and saving through core's
 * {@code TargetEditor} (a rename replaces the old entry in place).
 */
public final class TargetDialogFrame {
    static final String ISSUER_DEFAULT = "Default issuer";

    /** One entry of the issuer choice; an empty name is the default issuer. */
    public record IssuerChoice(String name, String text) {
        @Override
        public String toString() {
            return text;
        }
    }

    final FormDialog<TargetField> dialog;
    final TargetForm form;
    final TextField name = new TextField();
    final ComboBox<IssuerChoice> issuer = new ComboBox<>();
    /** Where the credentials will be written, kept up to date as the fields change. */
    final Label destination = FormDialog.hint("");

    private final FedcredContext context;
    private final BackgroundWork work;
    private final TargetChoices choices;
    private final Target editing;
    private final Consumer<Target> onSaved;
    private Node firstField;

    /**
     * @param kind    "AWS role", "GCP workload identity": the title says what is added or edited
     * @param editing the target being edited; null to add one
     */
    TargetDialogFrame(Window owner, String kind, FedcredContext context, BackgroundWork work, TargetChoices choices,
                      Target editing, Consumer<Target> onSaved, Runnable recheck) {
        this.context = context;
        this.work = work;
        this.choices = choices;
        this.editing = editing;
        this.onSaved = onSaved;
        Set<String> taken = new HashSet<>(choices.targetNames());
        if (editing != null) {
            taken.remove(editing.name());
        }
        this.form = new TargetForm(taken, Set.copyOf(choices.issuers()), context.targets().validation());
        this.dialog = new FormDialog<>(owner, editing == null ? "Add " + kind : "Edit " + editing.name(),
                "target-dialog", TargetField.class, TargetForm::label, recheck);
        destination.getStyleClass().add("destination");
        destination.setAccessibleText("Where the credentials go");
        dialog.addBelowFields(destination);
    }

    boolean isEditing() {
        return editing != null;
    }

    /** The name and issuer rows, first in every target dialog. */
    void nameAndIssuerRows(String namePrompt) {
        dialog.textRow(name, TargetField.NAME, namePrompt);
        issuer.getItems().add(new IssuerChoice("", ISSUER_DEFAULT + " (" + choices.defaultIssuer() + ")"));
        choices.issuers().forEach(each -> issuer.getItems().add(new IssuerChoice(each, each)));
        issuer.setAccessibleText(TargetForm.label(TargetField.ISSUER));
        issuer.setMaxWidth(Double.MAX_VALUE);
        issuer.getSelectionModel().selectFirst();
        dialog.watchChoice(issuer.valueProperty(), TargetField.ISSUER);
        dialog.row(FormDialog.label(TargetForm.label(TargetField.ISSUER), issuer),
                dialog.withError(TargetField.ISSUER, issuer, FormDialog.hint("Whose sign-in the credentials come from.")));
    }

    /** Sets the name and issuer without counting them as touched; an issuer no longer configured still shows. */
    void fillNameAndIssuer(String targetName, String issuerName) {
        name.setText(targetName);
        IssuerChoice chosen = issuer.getItems().stream().filter(choice -> choice.name().equals(issuerName)).findFirst()
                .orElseGet(() -> {
                    IssuerChoice missing = new IssuerChoice(issuerName, issuerName + " (not configured)");
                    issuer.getItems().add(missing);
                    return missing;
                });
        issuer.setValue(chosen);
    }

    String issuerName() {
        return issuer.getValue() == null ? "" : issuer.getValue().name();
    }

    /**
     * Editing starts from saved values: say at once if one of them is no longer right.
     *
     * @param firstField where editing starts (adding starts at the name)
     */
    void startChecking(Node firstField) {
        this.firstField = firstField;
        if (editing != null) {
            dialog.touchAll();
        }
    }

    void show() {
        dialog.show(editing == null || firstField == null ? name : firstField);
    }

    void close() {
        dialog.close();
    }

    TargetChoices choices() {
        return choices;
    }

    /** Saves in the background; a failure (a settings file that does not parse) shows in the dialog. */
    void save(TargetForm.Result result) {
        if (!result.valid()) {
            return;
        }
        String replaced = editing == null ? null : editing.name();
        dialog.save(work, () -> context.targetEditor().save(result.target(), replaced), onSaved, () -> { });
    }
}
