package dev.fedcred.cli;

import dev.fedcred.core.launch.Launcher;
import dev.fedcred.core.text.TimeLeft;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.issuers.IssuerDraft;
import dev.fedcred.core.oidc.IssuerConfig;
import dev.fedcred.core.oidc.IssuerKind;
import dev.fedcred.core.oidc.TokenSet;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "issuers", description = "List, add and remove the OpenID Connect issuers you sign in with.",
        subcommands = {IssuersCommand.ListIssuers.class, IssuersCommand.AddIssuer.class,
                IssuersCommand.RemoveIssuer.class, IssuersCommand.DefaultIssuer.class})
final class IssuersCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "list", description = "Show every issuer, its client and sign-in state.")
    static final class ListIssuers implements Runnable {
        @Spec
        CommandSpec spec;
        private final FedcredContext context;

        ListIssuers(FedcredContext context) {
            this.context = context;
        }

        @Override
        public void run() {
            PrintWriter out = Terminal.out(spec);
            Instant now = context.clock().instant();
            String defaultName = context.issuers().resolve(null).name();
            out.printf("%-2s%-20s %-8s %-40s %-28s %s%n", "", "NAME", "KIND", "ISSUER", "CLIENT ID", "SIGNED IN");
            for (IssuerConfig issuer : context.issuers().all()) {
                Optional<TokenSet> tokens = context.sessions().current(issuer.name());
                String state = tokens.map(t -> t.isExpired(now) ? "expired"
                        : TimeLeft.of(t.timeLeft(now)) + " left").orElse("no");
                out.printf("%-2s%-20s %-8s %-40s %-28s %s%n", issuer.name().equals(defaultName) ? "*" : "",
                        issuer.name(), issuer.kind().name().toLowerCase(), issuer.issuer(), issuer.clientId(), state);
            }
        }
    }

    @Command(name = "add", description = "Add an issuer (or replace one of the same name).")
    static final class AddIssuer implements Runnable {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME", description = "A short name, e.g. google or work.")
        String name;

        @ArgGroup(multiplicity = "1")
        Where where;

        static final class Where {
            @Option(names = "--google", required = true, description = "Google (issuer https://accounts.google.com).")
            boolean google;

            @Option(names = "--issuer-url", required = true, paramLabel = "URL", description = "Any OpenID Connect issuer, found by discovery.")
            URI issuerUrl;
        }

        @Option(names = "--client-id", required = true, paramLabel = "ID", description = "The OAuth client ID.")
        String clientId;

        @Option(names = "--client-secret", paramLabel = "SECRET",
                description = "The OAuth client secret, if the provider issued one (Google Desktop clients do).")
        String clientSecret;

        @Option(names = "--scope", paramLabel = "SCOPE", split = ",", description = "Scopes (default: openid,email,profile).")
        List<String> scopes;

        @Option(names = "--default", description = "Make it the default issuer (the first issuer you add becomes the default anyway).")
        boolean makeDefault;

        @Option(names = "--redirect-uri", paramLabel = "URI",
                description = "A fixed loopback redirect registered with the client, e.g. http://127.0.0.1:3000/auth/google/callback"
                        + " (default: any free port on 127.0.0.1).")
        URI redirectUri;

        private final FedcredContext context;

        AddIssuer(FedcredContext context) {
            this.context = context;
        }

        @Override
        public void run() {
            String defaultBefore = context.issuers().resolve(null).name();
            IssuerConfig issuer = context.issuerEditor().addOrReplace(IssuerOptionProblems.issuerOrThrow(
                    new IssuerDraft(where.google ? IssuerKind.GOOGLE : IssuerKind.GENERIC, name, where.issuerUrl,
                            clientId, clientSecret, scopes, redirectUri)));
            if (makeDefault) {
                context.settings().update(settings -> settings.withDefaultIssuer(name));
            }
            Terminal.out(spec).println("Added issuer " + issuer.name() + " (" + issuer.issuer()
                    + "). Sign in with `" + Launcher.current().forPeople() + " login --issuer " + issuer.name() + "`.");
            Terminal.out(spec).println(defaultNow(defaultBefore));
        }

        /** Commands that name no issuer use the default, so adding one says plainly whether that changed. */
        private String defaultNow(String defaultBefore) {
            String now = context.issuers().resolve(null).name();
            if (!now.equals(name)) {
                return "The default issuer stays " + now + "; `" + Launcher.current().forPeople() + " issuers default " + name
                        + "` makes this one the default.";
            }
            if (makeDefault) {
                return name + " is now the default issuer.";
            }
            if (defaultBefore.equals(name)) {
                return name + " stays the default issuer.";
            }
            return name + " is now the default issuer, as your only one besides the sandbox; `"
                    + Launcher.current().forPeople() + " issuers default "
                    + defaultBefore + "` switches back.";
        }
    }

    @Command(name = "remove", description = "Remove an issuer and forget its tokens.")
    static final class RemoveIssuer implements Runnable {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        private final FedcredContext context;

        RemoveIssuer(FedcredContext context) {
            this.context = context;
        }

        @Override
        public void run() {
            context.issuerEditor().remove(name);
            Terminal.out(spec).println("Removed issuer " + name + ".");
        }
    }

    @Command(name = "default", description = "Choose the issuer used when a command names none.")
    static final class DefaultIssuer implements Runnable {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        private final FedcredContext context;

        DefaultIssuer(FedcredContext context) {
            this.context = context;
        }

        @Override
        public void run() {
            IssuerConfig issuer = context.issuers().resolve(name);
            context.settings().update(settings -> settings.withDefaultIssuer(issuer.name()));
            Terminal.out(spec).println("The default issuer is now " + issuer.label() + ".");
        }
    }
}
