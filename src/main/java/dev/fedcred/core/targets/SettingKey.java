package dev.fedcred.core.targets;

/**
 * One setting of a kind of target, as its settings.json entry and {@code fedcred targets add KIND}
 * name it: so a new kind is usable from the command line without a command of its own.
 *
 * @param key         the key in settings.json and on the command line (KEY=VALUE), e.g. role_arn
 * @param required    whether a target of the kind must have it
 * @param description what it holds, for people, e.g. "the IAM role's ARN"
 */
public record SettingKey(String key, boolean required, String description) {
    /** Every kind's: the issuer whose ID token the target exchanges (fedcred reads and writes it for the kind). */
    public static final SettingKey ISSUER = optional("issuer", "the issuer that signs in for it (default: the default issuer)");

    public static SettingKey required(String key, String description) {
        return new SettingKey(key, true, description);
    }

    public static SettingKey optional(String key, String description) {
        return new SettingKey(key, false, description);
    }
}
