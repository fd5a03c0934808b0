package dev.fedcred.ui.targets;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.targets.SettingTexts;
import dev.fedcred.core.targets.Target;
import dev.fedcred.core.targets.TargetField;
import dev.fedcred.core.targets.TargetForm;
import dev.fedcred.core.targets.TargetKind;
import dev.fedcred.core.targets.TargetSetting;
import dev.fedcred.ui.fx.BackgroundWork;
import dev.fedcred.ui.fx.FilePicker;
import dev.fedcred.ui.fx.FormDialog;
import dev.fedcred.ui.fx.UserMessages;
import dev.fedcred.ui.targets.TargetFormCheck.DiskCheck;
import dev.fedcred.ui.targets.TargetFormCheck.Result;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Window;

/**
 * Adds or edits a target of any kind, from the form its kind gives as data ({@link TargetForm}):
 * the name, then a row per setting, the line that says where the credentials go, each problem
 * beside its field, and saving through core's {@code TargetEditor} (a rename replaces the old entry
 * in place). Settings shown only when set show for a target that has one of them. What only the
 * disk can tell is asked off the FX thread, and Save waits for the answer.
 */
final class TargetDialog {
    private final FormDialog<TargetField> dialog;
    private final TargetForm form;
    private final TargetFormCheck check;
    private final FedcredContext context;
    private final BackgroundWork work;
    private final Target editing;
    private final Consumer<Target> onSaved;
    private final TextField name = new TextField();
    private final Map<TargetField, SettingField> fields = new LinkedHashMap<>();
    /** Where the credentials will be written, kept up to date as the fields change. */
    private final Label destination = FormDialog.hint("");
    /** What the disk said last, and the values it is being asked about now. */
    private DiskCheck lastDiskCheck;
    private Map<TargetField, String> checking;

    /** @param editing the target being edited; null to add one */
    TargetDialog(Window owner, TargetKind<?> kind, FedcredContext context, BackgroundWork work, FilePicker picker,
                 TargetChoices choices, Target editing, Consumer<Target> onSaved) {
        this.form = kind.form();
        this.context = context;
        this.work = work;
        this.editing = editing;
        this.onSaved = onSaved;
        Set<String> taken = new HashSet<>(choices.targetNames());
        if (editing != null) {
            taken.remove(editing.name());
        }
        this.check = new TargetFormCheck(kind, taken, Set.copyOf(choices.issuers()), context.targets().validation());
        this.dialog = new FormDialog<>(owner, editing == null ? "Add " + kind.title() : "Edit " + editing.name(),
                "target-dialog", form::label, this::recheck);
        SettingTexts texts = editing == null ? initialTexts() : SettingTexts.of(context.kinds().of(editing));
        dialog.textRow(name, TargetField.NAME, form.namePlaceholder());
        SettingFields rows = new SettingFields(dialog, choices, picker, name::getText,
                editing == null ? null : editing.name());
        boolean showOverrides = form.settings().stream().filter(TargetSetting::onlyWhenSet)
                .anyMatch(setting -> texts.isSet(setting.field()));
        form.settings().stream().filter(setting -> !setting.onlyWhenSet() || showOverrides)
                .forEach(setting -> fields.put(setting.field(), rows.add(setting)));
        destination.getStyleClass().add("destination");
        destination.setAccessibleText("Where the credentials go");
        dialog.addBelowFields(destination);
        dialog.setting(() -> {
            name.setText(texts.text(TargetField.NAME));
            fields.forEach((field, input) -> input.fill(texts.text(field)));
        });
        // editing starts from saved values: say at once if one of them is no longer right
        if (editing != null) {
            dialog.touchAll();
        }
        dialog.onSave(this::save);
        recheck();
    }

    private SettingTexts initialTexts() {
        Map<TargetField, String> texts = new LinkedHashMap<>();
        form.settings().forEach(setting -> texts.put(setting.field(), setting.initial()));
        return new SettingTexts(texts);
    }

    /** Adding starts at the name; editing at the kind's first own setting. */
    void show() {
        Node first = name;
        if (editing != null) {
            first = fields.entrySet().stream().filter(entry -> !TargetField.ISSUER.equals(entry.getKey()))
                    .map(entry -> entry.getValue().focusTarget()).findFirst().orElse(name);
        }
        dialog.show(first);
    }

    void close() {
        dialog.close();
    }

    private SettingTexts texts() {
        Map<TargetField, String> texts = new LinkedHashMap<>();
        texts.put(TargetField.NAME, name.getText());
        fields.forEach((field, input) -> texts.put(field, input.text()));
        return new SettingTexts(texts);
    }

    private Result recheck() {
        SettingTexts texts = texts();
        Result result = check.check(texts, lastDiskCheck);
        dialog.showProblems(result.errors(), result.valid());
        destination.setText(form.destination().apply(texts));
        if (result.toCheckOnDisk() != null && !result.toCheckOnDisk().equals(checking)) {
            checkOnDisk(result);
        }
        return result;
    }

    private void checkOnDisk(Result result) {
        Map<TargetField, String> values = result.toCheckOnDisk();
        checking = values;
        work.run(() -> context.kinds().of(result.target()).problemsOnDisk(), problems -> answered(values, problems),
                failure -> answered(values, Map.of(values.keySet().iterator().next(), UserMessages.of(failure))));
    }

    private void answered(Map<TargetField, String> values, Map<TargetField, String> problems) {
        if (values.equals(checking)) {
            checking = null;
            lastDiskCheck = new DiskCheck(values, problems);
            recheck();
        }
    }

    /** Saves in the background; a failure (a settings file that does not parse) shows in the dialog. */
    private void save() {
        Result result = recheck();
        if (!result.valid()) {
            return;
        }
        String replaced = editing == null ? null : editing.name();
        dialog.save(work, () -> context.targetEditor().save(result.target(), replaced), onSaved, () -> { });
    }
}
