package dev.fedcred.cli;

import dev.fedcred.core.launch.Launcher;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fedcred.FedcredContext;
import dev.fedcred.core.Json;
import dev.fedcred.core.oidc.IssuerConfig;
import dev.fedcred.core.oidc.TokenSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.TreeMap;
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
        Optional<TokenSet> tokens = CachedTokens.find(context, issuerName);
        if (tokens.isEmpty()) {
            CachedTokens.reportNotSignedIn(spec, issuerName);
            return ExitCodes.NOT_SIGNED_IN;
        }
        TokenSet set = tokens.get();
        Instant now = context.clock().instant();
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.put("issuer", set.issuerName());
        json.put("sandbox", context.issuers().find(set.issuerName()).map(IssuerConfig::isSandbox).orElse(false));
        json.set("header", Json.MAPPER.valueToTree(new TreeMap<>(set.header())));
        json.set("claims", Json.MAPPER.valueToTree(new TreeMap<>(set.claims())));
        json.put("verified_at", set.verifiedAt().truncatedTo(ChronoUnit.SECONDS).toString());
        json.put("expires_at", set.expiresAt().toString());
        json.put("seconds_left", set.timeLeft(now).toSeconds());
        json.put("expired", set.isExpired(now));
        json.put("refresh_token", set.hasRefreshToken() ? "present" : "none");
        Terminal.out(spec).println(Json.MAPPER.writeValueAsString(json));
        if (set.isExpired(now)) {
            Terminal.err(spec).println("fedcred: this ID token has expired. Run `"
                    + Launcher.current().forPeople() + " login --issuer "
                    + set.issuerName() + "` to sign in again.");
            return ExitCodes.NOT_SIGNED_IN;
        }
        return ExitCodes.OK;
    }
}
