package dev.fedcred.core.targets;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What the window's add and edit dialog shows for a kind, as data, so one dialog serves every kind:
 * the settings in the order they show (each with its label, placeholder, hint and input; the
 * name comes first for every kind), the sentence that says where the credentials go, and which
 * settings the kind's {@link TargetKind#problemsOnDisk} reads. The command line takes the same
 * settings as KEY=VALUE. Reads no file.
 *
 * @param namePlaceholder example names: "prod-readonly, dev-admin, …"
 * @param destination     from the values as typed (valid or not): "Writes the profile dev to …"; empty for nothing yet
 * @param checkedOnDisk   the settings whose values the disk check reads; the dialog asks it, off the
 *                        UI thread, whenever one of them changes and is set
 */
public record TargetForm(String namePlaceholder, List<TargetSetting> settings, Function<SettingTexts, String> destination,
                         Set<TargetField> checkedOnDisk) {
    public TargetForm {
        settings = List.copyOf(settings);
        checkedOnDisk = Set.copyOf(checkedOnDisk);
    }

    public Optional<TargetSetting> setting(TargetField field) {
        return settings.stream().filter(setting -> setting.field().equals(field)).findFirst();
    }

    /** The label of a field, for the dialog and its "Still needed" line. */
    public String label(TargetField field) {
        if (TargetField.NAME.equals(field)) {
            return "Name";
        }
        return setting(field).map(TargetSetting::label).orElse(field.key());
    }
}
