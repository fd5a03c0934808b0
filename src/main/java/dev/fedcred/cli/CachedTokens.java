package dev.fedcred.cli;

import dev.fedcred.core.launch.Launcher;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.oidc.TokenSet;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;

/** The cached token set a command works on: the named issuer's, or the latest sign-in's. */
final class CachedTokens {
    private CachedTokens() {
    }

    static Optional<TokenSet> find(FedcredContext context, String issuerName) {
        return issuerName == null
                ? context.sessions().latest()
                : context.sessions().current(context.issuers().resolve(issuerName).name());
    }

    static void reportNotSignedIn(CommandSpec spec, String issuerName) {
        String issuerOption = issuerName == null ? "" : " --issuer " + issuerName;
        Terminal.err(spec).println("fedcred: not signed in" + (issuerName == null ? "" : " to " + issuerName)
                + ". Run `" + Launcher.current().forPeople() + " login" + issuerOption + "` first.");
    }
}
