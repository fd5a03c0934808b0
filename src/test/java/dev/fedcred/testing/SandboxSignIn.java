package dev.fedcred.testing;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.oidc.IdTokenVerifier;
import dev.fedcred.core.oidc.IssuerConfig;
import dev.fedcred.core.oidc.IssuerKind;
import dev.fedcred.core.oidc.PendingSignIn;
import dev.fedcred.core.oidc.ProviderDiscovery;
import dev.fedcred.core.oidc.SignInService;
import dev.fedcred.core.oidc.TokenEndpointClient;
import dev.fedcred.core.oidc.TokenSet;
import dev.fedcred.sandbox.SandboxServer;
import java.time.Clock;
import java.time.Duration;

/** A real, verified sign-in to an auto-approving sandbox, for tests that need an ID token. */
public final class SandboxSignIn {
    private SandboxSignIn() {
    }

    public static IssuerConfig issuer(SandboxServer sandbox) {
        return new IssuerConfig("sandbox", IssuerKind.SANDBOX, sandbox.issuerUri(), "fedcred-sandbox", null, null, null);
    }

    /** Signs {@code context} in to its sandbox issuer and stores the sign-in, as `fedcred login` would. */
    public static TokenSet signIn(FedcredContext context) {
        try (PendingSignIn pending = context.sessions().begin(context.issuers().sandbox())) {
            context.browser().open(pending.authorizationUri());
            return context.sessions().finish(pending, Duration.ofSeconds(10));
        }
    }

    public static TokenSet signIn(SandboxServer sandbox) {
        Duration timeout = Duration.ofSeconds(10);
        SignInService service = new SignInService(new ProviderDiscovery(timeout), new TokenEndpointClient(timeout),
                new IdTokenVerifier(Clock.systemUTC()), Clock.systemUTC());
        FakeBrowser browser = new FakeBrowser();
        try (PendingSignIn pending = service.begin(issuer(sandbox))) {
            browser.open(pending.authorizationUri());
            return pending.complete(timeout);
        }
    }
}
