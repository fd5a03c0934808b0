package dev.fedcred.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fedcred.FedcredContext;
import dev.fedcred.core.Json;
import dev.fedcred.core.oidc.IssuerConfig;
import dev.fedcred.core.oidc.TokenSet;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "claims", description = "Print the current verified ID token's header and claims as JSON.")
final class ClaimsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--issuer", paramLabel = "NAME", description = "Issuer whose token to show (default: the latest sign-in).")
    String issuerName;

    private final FedcredContext context;

    ClaimsCommand(FedcredContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        Optional<TokenSet> tokens = issuerName == null
                ? context.sessions().latest()
                : context.sessions().current(context.issuers().resolve(issuerName).name());
        if (tokens.isEmpty()) {
            spec.commandLine().getErr().println("fedcred: not signed in" + (issuerName == null ? "" : " to " + issuerName)
                    + ". Run `fedcred login" + (issuerName == null ? "" : " --issuer " + issuerName) + "` first.");
            return ExitCodes.NOT_SIGNED_IN;
        }
        TokenSet set = tokens.get();
        Instant now = context.clock().instant();
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.put("issuer", set.issuerName());
        json.put("sandbox", context.issuers().find(set.issuerName()).map(IssuerConfig::isSandbox).orElse(false));
        json.set("header", Json.MAPPER.valueToTree(set.header()));
        json.set("claims", Json.MAPPER.valueToTree(set.claims()));
        json.put("verified_at", set.verifiedAt().toString());
        json.put("expires_at", set.expiresAt().toString());
        json.put("seconds_left", set.timeLeft(now).toSeconds());
        json.put("expired", set.isExpired(now));
        json.put("refresh_token", set.hasRefreshToken() ? "present" : "none");
        spec.commandLine().getOut().println(Json.MAPPER.writeValueAsString(json));
        if (set.isExpired(now)) {
            spec.commandLine().getErr().println("fedcred: this ID token has expired. Run `fedcred login --issuer "
                    + set.issuerName() + "` to sign in again.");
            return ExitCodes.NOT_SIGNED_IN;
        }
        return ExitCodes.OK;
    }
}
