package dev.fedcred.cli;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.oidc.IssuerConfig;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "logout", description = "Forget the cached tokens of one issuer, or of all issuers.")
final class LogoutCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--issuer", paramLabel = "NAME", description = "Sign out of this issuer only (default: all).")
    String issuerName;

    private final FedcredContext context;

    LogoutCommand(FedcredContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (issuerName != null) {
            context.issuers().resolve(issuerName);
        }
        int signedOut = 0;
        for (IssuerConfig issuer : context.issuers().all()) {
            if ((issuerName == null || issuer.name().equals(issuerName)) && context.sessions().signOut(issuer.name())) {
                Terminal.out(spec).println("Signed out of " + issuer.label() + ".");
                signedOut++;
            }
        }
        if (signedOut == 0) {
            Terminal.out(spec).println("Not signed in" + (issuerName == null ? "" : " to " + issuerName) + "; nothing to do.");
        }
        return ExitCodes.OK;
    }
}
