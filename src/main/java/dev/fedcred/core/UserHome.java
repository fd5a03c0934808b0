package dev.fedcred.core;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The user's home directory as the AWS CLI, the AWS SDKs and gcloud see it: {@code HOME} when
 * set (Java's user.home comes from the password database and ignores it), on Windows
 * {@code USERPROFILE}, else user.home. Files fedcred writes for those tools must land where
 * they look.
 */
public final class UserHome {
    private UserHome() {
    }

    public static Path from(Map<String, String> env) {
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win");
        String variable = env.get(windows ? "USERPROFILE" : "HOME");
        return variable != null && !variable.isBlank() ? Path.of(variable) : Path.of(System.getProperty("user.home"));
    }
}
