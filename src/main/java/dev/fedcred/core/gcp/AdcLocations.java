package dev.fedcred.core.gcp;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where a target's Application Default Credentials go, as Google's libraries look for them: the
 * target's own file, else GOOGLE_APPLICATION_CREDENTIALS, else gcloud's well-known file
 * ({@code $CLOUDSDK_CONFIG/application_default_credentials.json}, or under
 * {@code ~/.config/gcloud}, or {@code %APPDATA%\gcloud} on Windows).
 */
public final class AdcLocations {
    public static final String FILE_NAME = "application_default_credentials.json";

    private final String explicitFile;
    private final Path wellKnownFile;

    AdcLocations(String explicitFile, Path wellKnownFile) {
        this.explicitFile = explicitFile == null || explicitFile.isBlank() ? null : explicitFile;
        this.wellKnownFile = wellKnownFile;
    }

    public static AdcLocations fromEnvironment(Map<String, String> env, Path userHome) {
        return fromEnvironment(env, userHome, System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win"));
    }

    static AdcLocations fromEnvironment(Map<String, String> env, Path userHome, boolean windows) {
        String cloudsdkConfig = env.get("CLOUDSDK_CONFIG");
        Path configDir;
        if (cloudsdkConfig != null && !cloudsdkConfig.isBlank()) {
            configDir = Path.of(cloudsdkConfig);
        } else if (windows) {
            String appData = env.get("APPDATA");
            configDir = (appData == null || appData.isBlank() ? userHome.resolve("AppData").resolve("Roaming")
                    : Path.of(appData)).resolve("gcloud");
        } else {
            configDir = userHome.resolve(".config").resolve("gcloud");
        }
        return new AdcLocations(env.get("GOOGLE_APPLICATION_CREDENTIALS"), configDir.resolve(FILE_NAME));
    }

    public Path forTarget(GcpWorkloadTarget target) {
        return target.adcFile() != null ? target.adcFile() : defaultFile();
    }

    /** Where a target without a file of its own writes: GOOGLE_APPLICATION_CREDENTIALS, else gcloud's file. */
    public Path defaultFile() {
        return explicitFile != null ? Path.of(explicitFile) : wellKnownFile;
    }
}
