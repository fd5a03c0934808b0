package dev.fedcred.core;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where fedcred keeps its own state. Settings go to the OS's per-user config directory,
 * the token cache and sandbox data to its per-user state directory; {@code FEDCRED_HOME}
 * puts everything under one directory instead (used by tests and portable installs).
 */
public record FedcredPaths(Path configDir, Path stateDir) {

    public static final String HOME_VARIABLE = "FEDCRED_HOME";

    public static FedcredPaths fromEnvironment(Map<String, String> env) {
        String home = env.get(HOME_VARIABLE);
        if (home != null && !home.isBlank()) {
            Path root = Path.of(home).toAbsolutePath();
            return new FedcredPaths(root.resolve("config"), root.resolve("state"));
        }
        Path userHome = UserHome.from(env);
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            Path roaming = pathOr(env.get("APPDATA"), userHome.resolve("AppData/Roaming"));
            Path local = pathOr(env.get("LOCALAPPDATA"), userHome.resolve("AppData/Local"));
            return new FedcredPaths(roaming.resolve("fedcred"), local.resolve("fedcred"));
        }
        if (os.contains("mac")) {
            Path support = userHome.resolve("Library/Application Support/fedcred");
            return new FedcredPaths(support, support);
        }
        Path config = pathOr(env.get("XDG_CONFIG_HOME"), userHome.resolve(".config"));
        Path state = pathOr(env.get("XDG_STATE_HOME"), userHome.resolve(".local/state"));
        return new FedcredPaths(config.resolve("fedcred"), state.resolve("fedcred"));
    }

    public Path settingsFile() {
        return configDir.resolve("settings.json");
    }

    public Path tokenCacheFile() {
        return stateDir.resolve("tokens.json");
    }

    public Path awsSessionCacheFile() {
        return stateDir.resolve("aws-sessions.json");
    }

    public Path gcpTokenCacheFile() {
        return stateDir.resolve("gcp-tokens.json");
    }

    /** The last token per Kubernetes target, which {@code kube credential} answers from while fresh. */
    public Path kubeTokenCacheFile() {
        return stateDir.resolve("kube-tokens.json");
    }

    /**
     * The file fedcred keeps the issuer's current ID token in, for the {@code credential_source}
     * of the ADC files it writes: Google's libraries read it whenever they need a new access token.
     */
    public Path gcpSubjectTokenFile(String issuerName) {
        return stateDir.resolve("gcp").resolve(issuerName + ".id-token");
    }

    /** The executable source's output_file: the issuer's ID token as an executable response. */
    public Path gcpExecutableResponseFile(String issuerName) {
        return stateDir.resolve("gcp").resolve(issuerName + ".executable-response.json");
    }

    public Path sandboxDir() {
        return stateDir.resolve("sandbox");
    }

    private static Path pathOr(String value, Path fallback) {
        return value == null || value.isBlank() ? fallback : Path.of(value);
    }
}
