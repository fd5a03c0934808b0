package dev.fedcred.ui.app;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.oidc.BrowserOpener;
import dev.fedcred.core.oidc.IssuerConfig;
import dev.fedcred.core.oidc.IssuerKind;
import dev.fedcred.ui.testing.TestContexts;
import java.net.URI;
import java.time.Clock;
import javafx.stage.Stage;
import no.nav.security.mock.oauth2.MockOAuth2Server;

/**
 * The main window in {@code stage} with a fresh FEDCRED_HOME and one issuer, {@code mock}, served by
 * a running mock-oauth2-server (an OpenID Connect provider fedcred shares no code with); the
 * sandbox is never started.
 */
record MockIssuerWindow(MockOAuth2Server provider, FedcredContext context, MainWindow window) implements AutoCloseable {
    static final String CLIENT_ID = "fedcred-test-client";

    /** @param others more issuers to have in the settings before the window opens */
    static MockIssuerWindow show(Stage stage, BrowserOpener browser, IssuerConfig... others) {
        return show(stage, Clock.systemUTC(), browser, others);
    }

    /** As {@link #show(Stage, BrowserOpener, IssuerConfig...)}, with the window's clock. */
    static MockIssuerWindow show(Stage stage, Clock clock, BrowserOpener browser, IssuerConfig... others) {
        MockOAuth2Server provider = new MockOAuth2Server();
        provider.start();
        FedcredContext context = TestContexts.at(TestContexts.newHome(), clock, browser);
        context.issuerEditor().add(issuer(provider));
        for (IssuerConfig other : others) {
            context.issuerEditor().add(other);
        }
        MainWindow window = new MainWindow(context, () -> {
            throw new AssertionError("only the mock issuer is used here, not the sandbox");
        });
        window.show(stage);
        return new MockIssuerWindow(provider, context, window);
    }

    /** The issuer {@code mock} on {@code provider}, as a user would add it. */
    static IssuerConfig issuer(MockOAuth2Server provider) {
        return new IssuerConfig("mock", IssuerKind.GENERIC, issuerUrl(provider), CLIENT_ID, null, null, null);
    }

    static URI issuerUrl(MockOAuth2Server provider) {
        return URI.create(provider.issuerUrl("default").toString());
    }

    URI issuerUrl() {
        return issuerUrl(provider);
    }

    @Override
    public void close() {
        window.close();
        provider.shutdown();
    }
}
