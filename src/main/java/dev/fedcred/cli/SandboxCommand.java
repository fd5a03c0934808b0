package dev.fedcred.cli;

import dev.fedcred.core.launch.Launcher;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.FedcredException;
import dev.fedcred.sandbox.SandboxOptions;
import dev.fedcred.sandbox.SandboxServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
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
        try (SandboxServer server = start(options)) {
            PrintWriter out = Terminal.out(spec);
            server.endpoints().forEach((name, url) -> out.println(name + ": " + url));
            out.flush();
            Terminal.err(spec).println("fedcred sandbox running" + (autoApprove ? " (auto-approve)" : "")
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
