package dev.fedcred.cli;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.oidc.IssuerConfig;
import dev.fedcred.core.oidc.PendingSignIn;
import dev.fedcred.core.oidc.SignInService;
import dev.fedcred.core.oidc.TokenSet;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "login", description = "Sign in with an issuer in your browser and keep the verified ID token.")
final class LoginCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--issuer", paramLabel = "NAME", description = "Issuer to sign in with (default: the default issuer).")
    String issuerName;

    @Option(names = "--no-browser", description = "Do not open a browser: print the sign-in URL to stderr and wait.")
    boolean noBrowser;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "How long to wait for the browser (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds = SignInService.DEFAULT_TIMEOUT_SECONDS;

    private final FedcredContext context;

    LoginCommand(FedcredContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        PrintWriter err = Terminal.err(spec);
        IssuerConfig issuer = context.issuers().resolve(issuerName);
        PendingSignIn pending = context.sessions().begin(issuer);
        Thread cancelOnExit = new Thread(pending::cancel, "fedcred-login-cancel");
        Runtime.getRuntime().addShutdownHook(cancelOnExit);
        try {
            boolean opened = !noBrowser && context.browser().open(pending.authorizationUri());
            err.println(opened
                    ? "Opened your browser to sign in to " + issuer.label() + ". If it did not open, visit:"
                    : "To sign in to " + issuer.label() + ", open this URL in a browser:");
            err.println(pending.authorizationUri());
            err.println("Waiting for the browser to return to " + pending.redirectUri() + " ...");
            err.flush();
            TokenSet tokens = context.sessions().finish(pending, Duration.ofSeconds(timeoutSeconds));
            Terminal.out(spec).println(TokenSummary.signedIn(issuer, tokens, context.clock().instant()));
            return ExitCodes.OK;
        } finally {
            pending.close();
            removeHook(cancelOnExit);
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is exiting and the hook is running: nothing to undo
        }
    }
}
