package dev.fedcred.cli;

import dev.fedcred.FedcredContext;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "sandbox", description = "Run fedcred's loopback emulators (an OIDC issuer) until interrupted.")
final class SandboxCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--auto-approve", description = "Approve every sign-in at once, without the one-click page.")
    boolean autoApprove;

    @Option(names = "--port", paramLabel = "PORT", description = "Port on 127.0.0.1 (default: ${FEDCRED_SANDBOX_PORT:-9750}).")
    Integer port;

    private final FedcredContext context;

    SandboxCommand(FedcredContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        spec.commandLine().getErr().println("fedcred: the sandbox is not built yet.");
        return ExitCodes.FAILED;
    }
}
