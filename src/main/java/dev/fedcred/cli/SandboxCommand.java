package dev.fedcred.cli;

import dev.fedcred.core.launch.Launcher;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.FedcredException;
import dev.fedcred.sandbox.GcpConfigFile;
import dev.fedcred.sandbox.SandboxOptions;
import dev.fedcred.sandbox.SandboxServer;
import dev.fedcred.core.files.BoundedFiles;
import dev.fedcred.core.files.FileSizeLimit;
import dev.fedcred.core.text.OutsideText;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.io.PrintWriter;
import java.net.BindException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "sandbox", description = {
        "Run fedcred's loopback emulators until interrupted (Ctrl-C), to try fedcred without any account.",
        "They are an OpenID Connect issuer with a ready-made sandbox user, AWS STS and",
        "its console sign-in (federation) endpoint, and Google STS and IAM Credentials",
        "over HTTPS, with a Kubernetes API server (EKS, GKE and OIDC tokens) at /k8s.",
        "The built-in issuer `sandbox` and targets sandbox-aws and",
        "sandbox-gcp point at them; nothing here is a real account."})
final class SandboxCommand implements Callable<Integer> {
    /**
     * fedcred hands an ID token to Google's libraries only while more than a quarter of its lifetime
     * plus 10 seconds is left: below 20 seconds a token is spent before a client can use it.
     */
    static final long MIN_TOKEN_LIFETIME = 20;
    static final long MAX_TOKEN_LIFETIME = 86_400;

    @Spec
    CommandSpec spec;

    @Option(names = "--auto-approve", description = "Approve every sign-in at once instead of showing the one-click page.")
    boolean autoApprove;

    @Option(names = "--port", paramLabel = "PORT",
            description = "Port on 127.0.0.1 (default: $FEDCRED_SANDBOX_PORT, else 9750; 0 picks a free one).")
    Integer port;

    @Option(names = "--gcp-port", paramLabel = "PORT", description =
            "HTTPS port of the GCP emulator (default: $FEDCRED_SANDBOX_GCP_PORT, else the sandbox port + 1;"
            + " 0 picks a free one). The built-in sandbox-gcp target expects the default.")
    Integer gcpPort;

    @Option(names = "--token-lifetime", paramLabel = "SECONDS", description = "How long the sandbox's ID tokens live"
            + " (default 3600, as Google's). A short one, such as 120, lets you watch renewals happen.")
    Long tokenLifetime;

    @Option(names = "--aws-trust-policy", paramLabel = "ROLE_ARN=FILE", description = {
            "Give the role this trust policy document (IAM's JSON, e.g. from `fedcred setup aws --format json`);"
            + " the STS emulator then evaluates it as IAM does. A role the sandbox lacks is added. Repeatable.",
            "At run time: PUT the document to http://127.0.0.1:PORT/aws-admin/roles/NAME/trust-policy."})
    Map<String, Path> awsTrustPolicies = new LinkedHashMap<>();

    @Option(names = "--gcp-provider-config", paramLabel = "FILE", description = "JSON with the GCP emulator's"
            + " providers and service accounts in the shapes gcloud prints: {\"providers\": [PROVIDER], \"serviceAccounts\":"
            + " [{\"email\": SA, \"policy\": POLICY}]}, each PROVIDER as `gcloud iam workload-identity-pools providers"
            + " describe --format=json` and each POLICY as `gcloud iam service-accounts get-iam-policy --format=json`"
            + " print them. They replace the built-in provider and accounts.")
    Path gcpProviderConfig;

    private final FedcredContext context;
    private final CountDownLatch stopped = new CountDownLatch(1);

    SandboxCommand(FedcredContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        int wanted = port != null ? port : context.sandboxPort();
        int wantedGcp = gcpPort != null ? gcpPort : port == null ? context.sandboxGcpPort() : port == 0 ? 0 : port + 1;
        // the CA lives in fedcred's state directory, where the built-in sandbox-gcp target trusts it
        SandboxOptions options = SandboxOptions.defaults().withPort(wanted).withAutoApprove(autoApprove)
                .withGcpPort(wantedGcp).withDataDir(context.paths().sandboxDir());
        if (tokenLifetime != null) {
            if (tokenLifetime < MIN_TOKEN_LIFETIME || tokenLifetime > MAX_TOKEN_LIFETIME) {
                throw new FedcredException("--token-lifetime must be " + MIN_TOKEN_LIFETIME + " to " + MAX_TOKEN_LIFETIME
                        + " seconds, not " + tokenLifetime + ".");
            }
            options = options.withIdTokenLifetime(Duration.ofSeconds(tokenLifetime));
        }
        for (Map.Entry<String, Path> policy : awsTrustPolicies.entrySet()) {
            options = withTrustPolicy(options, policy.getKey(), policy.getValue());
        }
        if (gcpProviderConfig != null) {
            options = withGcpConfig(options, gcpProviderConfig);
        }
        try (SandboxServer server = start(options)) {
            PrintWriter out = Terminal.out(spec);
            server.endpoints().forEach((name, url) -> out.println(name + ": " + url));
            out.flush();
            Terminal.err(spec).println("fedcred sandbox running" + (autoApprove ? " (auto-approve)" : "")
                    + (tokenLifetime != null ? " (ID tokens live " + tokenLifetime + " s)" : "")
                    + "; press Ctrl-C to stop.");
            Terminal.err(spec).flush();
            Thread hook = new Thread(stopped::countDown, "fedcred-sandbox-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ExitCodes.OK;
    }

    private static SandboxOptions withTrustPolicy(SandboxOptions options, String roleArn, Path file) {
        try {
            String document = BoundedFiles.readString(file, FileSizeLimit.TRUST_POLICY);
            return options.withAwsTrustPolicy(roleArn, document);
        } catch (IOException e) {
            throw new FedcredException("Cannot read the trust policy " + file + ": " + OutsideText.shown(e.getMessage()), e);
        } catch (IllegalArgumentException e) {
            throw new FedcredException("--aws-trust-policy " + OutsideText.shown(roleArn) + "=" + file + ": "
                    + OutsideText.shown(e.getMessage()) + ". Give a role ARN and a file with IAM's JSON policy document.", e);
        }
    }

    private static SandboxOptions withGcpConfig(SandboxOptions options, Path file) {
        try {
            GcpConfigFile.Contents config = GcpConfigFile.read(file);
            return options.withGcpProviders(config.providers()).withGcpServiceAccounts(config.serviceAccounts());
        } catch (IOException e) {
            throw new FedcredException("Cannot read the GCP provider config " + file + " ("
                    + OutsideText.shown(e.getMessage()) + "); check the path.", e);
        } catch (IllegalArgumentException e) {
            throw new FedcredException("The GCP provider config is not one the sandbox can apply: "
                    + OutsideText.shown(e.getMessage()), e);
        }
    }

    private static SandboxServer start(SandboxOptions options) {
        try {
            return SandboxServer.start(options);
        } catch (BindException e) {
            throw new FedcredException("Port " + options.port() + " on 127.0.0.1 is in use; is a sandbox already"
                    + " running? Stop it, or choose another port with --port (and set FEDCRED_SANDBOX_PORT to the"
                    + " same port so `" + Launcher.current().forPeople() + " login --issuer sandbox` finds it), or another --gcp-port (and"
                    + " FEDCRED_SANDBOX_GCP_PORT).", e);
        } catch (IOException e) {
            throw new FedcredException("Cannot start the sandbox: " + e.getMessage(), e);
        }
    }
}
