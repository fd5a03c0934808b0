package dev.fedcred.testing;

import dev.fedcred.sandbox.SandboxServer;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * A user's home in a temporary directory, pointed at a running sandbox: fedcred's own state,
 * the AWS files and HOME all under {@code home}, and the sandbox's ports where the built-in
 * sandbox issuer and targets look for them.
 */
public final class SandboxHome {
    private SandboxHome() {
    }

    public static Map<String, String> environment(SandboxServer sandbox, Path home) {
        return Map.of(
                "HOME", home.toString(),
                "FEDCRED_HOME", fedcredHome(home).toString(),
                "FEDCRED_SANDBOX_PORT", String.valueOf(sandbox.issuerUri().getPort()),
                "FEDCRED_SANDBOX_GCP_PORT", String.valueOf(URI.create(sandbox.endpoints().get("gcp-sts")).getPort()),
                "AWS_SHARED_CREDENTIALS_FILE", home.resolve("aws/credentials").toString(),
                "AWS_CONFIG_FILE", home.resolve("aws/config").toString());
    }

    public static Path fedcredHome(Path home) {
        return home.resolve("fedcred");
    }

    /** Where fedcred expects the sandbox's data (its GCP CA), so give it to the sandbox as its data dir. */
    public static Path sandboxDataDir(Path home) {
        return fedcredHome(home).resolve("state/sandbox");
    }
}
