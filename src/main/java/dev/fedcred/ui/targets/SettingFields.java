package dev.fedcred.ui.targets;

import dev.fedcred.core.targets.SettingInput;
import dev.fedcred.core.text.OutsideText;
import dev.fedcred.core.targets.TargetField;
import dev.fedcred.core.targets.TargetSetting;
import dev.fedcred.ui.fx.FilePicker;
import dev.fedcred.ui.fx.FormDialog;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.function.Supplier;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * Builds the target dialog's row for each setting a kind's form lists, by the setting's input:
 * a text field, a file with Browse…, the issuer or another target to choose. No row knows a kind.
 */
final class SettingFields {
    static final String BROWSE = "Browse…";
    static final String ISSUER_DEFAULT = "Default issuer";

    private final FormDialog<TargetField> dialog;
    private final TargetChoices choices;
    private final FilePicker picker;
    /** The name typed so far, for the file chooser's title. */
    private final Supplier<String> targetName;
    /** The target being edited, which a choice of other targets leaves out; null when adding. */
    private final String editing;

    SettingFields(FormDialog<TargetField> dialog, TargetChoices choices, FilePicker picker, Supplier<String> targetName,
                  String editing) {
        this.dialog = dialog;
        this.choices = choices;
        this.picker = picker;
        this.targetName = targetName;
        this.editing = editing;
    }

    /** Adds the setting's row to the dialog. */
    SettingField add(TargetSetting setting) {
        SettingInput input = setting.input();
        if (input instanceof SettingInput.IssuerChoice) {
            return issuer(setting);
        }
        if (input instanceof SettingInput.FileToWrite file) {
            return file(setting, file);
        }
        if (input instanceof SettingInput.TargetChoice targets) {
            return target(setting, targets);
        }
        if (input instanceof SettingInput.OneOf oneOf) {
            return oneOf(setting, oneOf);
        }
        TextField field = new TextField();
        dialog.textRow(field, setting.field(), setting.placeholder(), hints(setting));
        return new TextSettingField(field);
    }

    private SettingField issuer(TargetSetting setting) {
        ComboBox<IssuerChoice> issuer = new ComboBox<>();
        issuer.getItems().add(new IssuerChoice("", ISSUER_DEFAULT + " (" + choices.defaultIssuer() + ")"));
        choices.issuers().forEach(each -> issuer.getItems().add(new IssuerChoice(each, each)));
        issuer.getSelectionModel().selectFirst();
        choiceRow(setting, issuer);
        return new ChoiceField<>(issuer, IssuerChoice::name, name -> new IssuerChoice(name, name + " (not configured)"));
    }

    private SettingField target(TargetSetting setting, SettingInput.TargetChoice offered) {
        ComboBox<String> target = new ComboBox<>();
        choices.targetKinds().forEach((name, kindId) -> {
            if (!name.equals(editing) && offered.offers(kindId)) {
                target.getItems().add(name);
            }
        });
        target.setPromptText(setting.placeholder());
        choiceRow(setting, target);
        return new ChoiceField<>(target, name -> name, name -> name);
    }

    private SettingField oneOf(TargetSetting setting, SettingInput.OneOf oneOf) {
        ComboBox<SettingInput.Option> box = new ComboBox<>();
        box.getItems().add(new SettingInput.Option("", oneOf.defaultLabel()));
        box.getItems().addAll(oneOf.options());
        box.getSelectionModel().selectFirst();
        choiceRow(setting, box);
        return new ChoiceField<>(box, SettingInput.Option::value,
                value -> new SettingInput.Option(value, OutsideText.neutralise(value) + " (not known)"));
    }

    private void choiceRow(TargetSetting setting, ComboBox<?> choice) {
        choice.setAccessibleText(setting.label());
        choice.setMaxWidth(Double.MAX_VALUE);
        dialog.watchChoice(choice.valueProperty(), setting.field());
        dialog.row(FormDialog.label(setting.label(), choice), dialog.withError(setting.field(), choice, hints(setting)));
    }

    private SettingField file(TargetSetting setting, SettingInput.FileToWrite file) {
        TextField field = new TextField();
        dialog.prepare(field, setting.field(), setting.placeholder());
        dialog.watch(field, setting.field());
        Button browse = new Button(BROWSE);
        browse.setAccessibleText(file.browseAccessibleText());
        browse.setMinWidth(Region.USE_PREF_SIZE);
        browse.setOnAction(event -> {
            String name = targetName.get().isBlank() ? "the target" : targetName.get().strip();
            picker.fileToWrite(dialog.stage(), file.fileTitle() + " for " + name, suggested(field, file))
                    .ifPresent(chosen -> field.setText(chosen.toString()));
        });
        HBox.setHgrow(field, Priority.ALWAYS);
        HBox line = new HBox(8, field, browse);
        line.setAlignment(Pos.CENTER_LEFT);
        dialog.row(FormDialog.label(setting.label(), field), dialog.withError(setting.field(), line, hints(setting)));
        return new TextSettingField(field);
    }

    /** The file typed, else the default; a path that cannot be read is the field's problem, not the chooser's. */
    private static Path suggested(TextField field, SettingInput.FileToWrite file) {
        try {
            return field.getText().isBlank() ? file.defaultFile() : Path.of(field.getText().strip());
        } catch (InvalidPathException unreadable) {
            return file.defaultFile();
        }
    }

    private static Node[] hints(TargetSetting setting) {
        return setting.hint().isEmpty() ? new Node[0] : new Node[] {FormDialog.hint(setting.hint())};
    }
}
