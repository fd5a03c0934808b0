package dev.fedcred.cli;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.oidc.DeviceCodePrompt;
import dev.fedcred.core.oidc.IssuerConfig;
import dev.fedcred.core.oidc.PendingDeviceSignIn;
import dev.fedcred.core.oidc.PendingSignIn;
import dev.fedcred.core.oidc.RedirectSpec;
import dev.fedcred.core.oidc.SignInService;
import dev.fedcred.core.oidc.TokenSet;
import dev.fedcred.core.text.TimeLeft;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "login", description = {"Sign in with an issuer in your browser and keep the verified ID token.",
        "Over SSH: --device signs in with a code entered on another computer, where the issuer offers it;"
                + " else forward a fixed --port (see docs/cli.md, \"Signing in over SSH\")."})
final class LoginCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--issuer", paramLabel = "NAME", description = "Issuer to sign in with (default: the default issuer).")
    String issuerName;

    @Option(names = "--no-browser", description = "Do not open a browser: print the sign-in URL to stderr and wait.")
    boolean noBrowser;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "How long to wait for the browser (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds = SignInService.DEFAULT_TIMEOUT_SECONDS;

    @Option(names = "--port", paramLabel = "PORT", description = "Wait for the browser on this fixed port of 127.0.0.1,"
            + " e.g. one an SSH port forward brings here (default: any free port, or the issuer's fixed redirect).")
    Integer port;

    @Option(names = "--device", description = "Sign in with a code entered in a browser on another device (OAuth device"
            + " grant): print the page and the code to stderr and wait until the code expires. Ctrl-C cancels.")
    boolean device;

    private final FedcredContext context;

    LoginCommand(FedcredContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (device && (port != null || noBrowser)) {
            throw new ParameterException(spec.commandLine(), "--device opens no browser and listens on no port:"
                    + " leave out --port and --no-browser.");
        }
        IssuerConfig issuer = context.issuers().resolve(issuerName);
        TokenSet tokens = device ? signInWithCode(issuer) : signInInBrowser(withPort(issuer));
        Terminal.out(spec).println(TokenSummary.signedIn(issuer, tokens, context.clock().instant()));
        return ExitCodes.OK;
    }

    private TokenSet signInInBrowser(IssuerConfig issuer) {
        PrintWriter err = Terminal.err(spec);
        PendingSignIn pending = context.sessions().begin(issuer);
        Thread cancelOnExit = cancelOnExit(pending::cancel);
        try {
            boolean opened = !noBrowser && context.browser().open(pending.authorizationUri());
            err.println(opened
                    ? "Opened your browser to sign in to " + issuer.label() + ". If it did not open, visit:"
                    : "To sign in to " + issuer.label() + ", open this URL in a browser:");
            err.println(pending.authorizationUri());
            err.println("Waiting for the browser to return to " + pending.redirectUri() + " ...");
            err.flush();
            return context.sessions().finish(pending, Duration.ofSeconds(timeoutSeconds));
        } finally {
            pending.close();
            removeHook(cancelOnExit);
        }
    }

    /** The device grant: the page and code come from the issuer and are printed neutralised. */
    private TokenSet signInWithCode(IssuerConfig issuer) {
        PrintWriter err = Terminal.err(spec);
        PendingDeviceSignIn pending = context.sessions().beginDevice(issuer);
        Thread cancelOnExit = cancelOnExit(pending::cancel);
        try {
            DeviceCodePrompt prompt = pending.prompt();
            err.println("To sign in to " + issuer.label() + ", open this page in a browser on any device:");
            err.println("  " + prompt.shownVerificationUri());
            err.println("and enter the code:");
            err.println("  " + prompt.shownUserCode());
            prompt.shownVerificationUriComplete().ifPresent(complete -> {
                err.println("or open this link, which has the code in it:");
                err.println("  " + complete);
            });
            err.println("The code expires in " + TimeLeft.between(context.clock().instant(), prompt.expiresAt())
                    + ". Waiting for you to approve it ... (Ctrl-C cancels)");
            err.flush();
            return context.sessions().finishDevice(pending);
        } finally {
            removeHook(cancelOnExit);
        }
    }

    /** The issuer with the redirect on {@code --port}; a fixed redirect the client registered cannot move. */
    private IssuerConfig withPort(IssuerConfig issuer) {
        if (port == null) {
            return issuer;
        }
        if (port < 1 || port > 65_535) {
            throw new ParameterException(spec.commandLine(), "--port must be a port number from 1 to 65535, not " + port + ".");
        }
        RedirectSpec fixed = issuer.redirect();
        if (!fixed.anyFreePort()) {
            if (fixed.port() != port) {
                throw new ParameterException(spec.commandLine(), "The issuer " + issuer.label() + " has a fixed redirect on"
                        + " port " + fixed.port() + " (registered with its client): use --port " + fixed.port()
                        + " or leave --port out.");
            }
            return issuer;
        }
        return new IssuerConfig(issuer.name(), issuer.kind(), issuer.issuer(), issuer.clientId(), issuer.clientSecret(),
                issuer.scopes(), new RedirectSpec(port, fixed.path()));
    }

    /** Ctrl-C runs the shutdown hooks: stop the wait, so the port is released and nothing is half-stored. */
    private static Thread cancelOnExit(Runnable cancel) {
        Thread hook = new Thread(cancel, "fedcred-login-cancel");
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is exiting and the hook is running: nothing to undo
        }
    }
}
