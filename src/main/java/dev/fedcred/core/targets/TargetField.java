package dev.fedcred.core.targets;

import java.util.Objects;

/**
 * One setting of a target, named by its key in settings.json and on the command line (KEY=VALUE),
 * so a problem can be shown beside the setting it is about. Open: each kind defines its own
 * fields next to its rules; only the name and the issuer are every kind's.
 *
 * @param key e.g. role_arn
 */
public record TargetField(String key) {
    /** The target's name: not a KEY=VALUE setting (the command line takes it as NAME) but every kind's. */
    public static final TargetField NAME = new TargetField("name");
    /** The issuer whose ID token the target exchanges; fedcred reads and writes it for every kind. */
    public static final TargetField ISSUER = new TargetField("issuer");

    public TargetField {
        Objects.requireNonNull(key, "key");
    }

    @Override
    public String toString() {
        return key;
    }
}
