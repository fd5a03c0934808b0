package dev.fedcred.core.aws.profiles;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/** Where the AWS CLI and SDKs look for the shared credentials and config files. */
public record AwsFileLocations(Path credentialsFile, Path configFile) {

    public AwsFileLocations {
        Objects.requireNonNull(credentialsFile, "credentialsFile");
        Objects.requireNonNull(configFile, "configFile");
    }

    /**
     * The same rules as the AWS CLI and SDKs: {@code AWS_SHARED_CREDENTIALS_FILE} else
     * {@code ~/.aws/credentials}, {@code AWS_CONFIG_FILE} else {@code ~/.aws/config}. A leading
     * {@code ~} in a variable is the user's home, as the SDKs expand it.
     */
    public static AwsFileLocations fromEnvironment(Map<String, String> env, Path userHome) {
        Path awsDir = userHome.resolve(".aws");
        return new AwsFileLocations(
                fromVariable(env.get("AWS_SHARED_CREDENTIALS_FILE"), userHome, awsDir.resolve("credentials")),
                fromVariable(env.get("AWS_CONFIG_FILE"), userHome, awsDir.resolve("config")));
    }

    private static Path fromVariable(String value, Path userHome, Path fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        String trimmed = value.trim();
        if (trimmed.equals("~")) {
            return userHome;
        }
        if (trimmed.startsWith("~/") || trimmed.startsWith("~\\")) {
            return userHome.resolve(trimmed.substring(2));
        }
        return Path.of(trimmed);
    }
}
