package dev.fedcred.cli;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.oidc.IssuerConfig;
import dev.fedcred.core.signout.SignOut;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "logout", description = {"Forget the tokens of one issuer, or of all, and the credentials cached for their targets.",
        "credential-process and gcp print-access-token then need a new sign-in. Profiles and ADC files fedcred",
        "wrote keep working until they expire, unless --remove-credentials removes them too."})
final class LogoutCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--issuer", paramLabel = "NAME", description = "Sign out of this issuer only (default: all).")
    String issuerName;

    @Option(names = "--remove-credentials", description = "Also remove the AWS profiles and ADC files fedcred wrote for"
            + " the issuer's targets (never ones it did not write; an ADC file it replaced is put back).")
    boolean removeCredentials;

    private final FedcredContext context;

    LogoutCommand(FedcredContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (issuerName != null) {
            context.issuers().resolve(issuerName);
        }
        PrintWriter out = Terminal.out(spec);
        int signedOut = 0;
        for (IssuerConfig issuer : context.issuers().all()) {
            if (issuerName != null && !issuer.name().equals(issuerName)) {
                continue;
            }
            SignOut.Result result = context.signOut().signOut(issuer.name(), removeCredentials);
            if (result.wasSignedIn()) {
                out.println("Signed out of " + issuer.label() + ".");
                signedOut++;
            }
            result.removed().forEach(out::println);
        }
        if (signedOut == 0) {
            out.println("Not signed in" + (issuerName == null ? "" : " to " + issuerName) + "; no tokens to forget.");
        }
        return ExitCodes.OK;
    }
}
