package dev.fedcred.core.targets;

/**
 * One setting of a kind of target, in the one place that describes it: the command line's
 * KEY=VALUE and {@code fedcred targets kinds} read the key, whether it is required and the
 * description; the window's dialog reads the label, placeholder, hint, initial text and input.
 *
 * @param field        the setting's key, and what its problems are keyed by
 * @param required     whether a target of the kind must have it (for the command line)
 * @param description  what it holds, for the command line: "the IAM role's ARN"
 * @param label        the dialog's label and the field's accessible name: "Role ARN"
 * @param placeholder  shown in an empty field; empty for none
 * @param hint         the line under the field; empty for none
 * @param initial      the text a new target starts with: "3600"; empty for none
 * @param input        how it is entered
 * @param onlyWhenSet  shown only when the target already has one of the kind's such settings
 *                     (endpoint overrides the command line sets for emulators); they show together
 */
public record TargetSetting(TargetField field, boolean required, String description, String label, String placeholder,
                            String hint, String initial, SettingInput input, boolean onlyWhenSet) {

    /** Every kind's: the issuer that signs in for the target. */
    public static final TargetSetting ISSUER = optional(TargetField.ISSUER, "Issuer",
            "the issuer that signs in for it (default: the default issuer)")
            .withHint("Whose sign-in the credentials come from.").withInput(SettingInput.ISSUER);

    public static TargetSetting required(TargetField field, String label, String description) {
        return new TargetSetting(field, true, description, label, "", "", "", SettingInput.TEXT, false);
    }

    public static TargetSetting optional(TargetField field, String label, String description) {
        return new TargetSetting(field, false, description, label, "", "", "", SettingInput.TEXT, false);
    }

    public String key() {
        return field.key();
    }

    public TargetSetting withPlaceholder(String text) {
        return new TargetSetting(field, required, description, label, text, hint, initial, input, onlyWhenSet);
    }

    public TargetSetting withHint(String text) {
        return new TargetSetting(field, required, description, label, placeholder, text, initial, input, onlyWhenSet);
    }

    public TargetSetting withInitial(String text) {
        return new TargetSetting(field, required, description, label, placeholder, hint, text, input, onlyWhenSet);
    }

    public TargetSetting withInput(SettingInput how) {
        return new TargetSetting(field, required, description, label, placeholder, hint, initial, how, onlyWhenSet);
    }

    public TargetSetting shownOnlyWhenSet() {
        return new TargetSetting(field, required, description, label, placeholder, hint, initial, input, true);
    }
}
