package dev.fedcred.cli;

import dev.fedcred.core.launch.Launcher;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.oidc.IssuerConfig;
import dev.fedcred.core.oidc.TokenSet;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "refresh", description = "Renew the ID token with the cached refresh token, without a browser.")
final class RefreshCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--issuer", paramLabel = "NAME", description = "Issuer to renew (default: the latest sign-in).")
    String issuerName;

    private final FedcredContext context;

    RefreshCommand(FedcredContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Optional<TokenSet> cached = CachedTokens.find(context, issuerName);
        if (cached.isEmpty()) {
            CachedTokens.reportNotSignedIn(spec, issuerName);
            return ExitCodes.NOT_SIGNED_IN;
        }
        IssuerConfig issuer = context.issuers().resolve(cached.get().issuerName());
        TokenSet renewed = context.sessions().refresh(issuer, cached.get());
        if (renewed.rawIdToken().equals(cached.get().rawIdToken())) {
            Terminal.err(spec).println("fedcred: " + issuer.label() + " answered without a new ID token;"
                    + " the current one stays valid until " + renewed.expiresAt() + ". Run `"
                    + Launcher.current().forPeople() + " login --issuer "
                    + issuer.name() + "` for a new one.");
            return ExitCodes.FAILED;
        }
        Terminal.out(spec).println(TokenSummary.signedIn(issuer, renewed, context.clock().instant()));
        return ExitCodes.OK;
    }
}
