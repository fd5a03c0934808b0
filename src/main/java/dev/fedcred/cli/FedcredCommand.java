package dev.fedcred.cli;

import dev.fedcred.FedcredContext;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code fedcred} command line: sign in, inspect the token, manage issuers, run the sandbox.
 * The standard help options are inherited, so every command and group takes -h and --help.
 */
@Command(name = "fedcred", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT, versionProvider = FedcredCommand.Version.class,
        description = "Sign in once with OpenID Connect; get short-lived cloud credentials.",
        subcommands = {LoginCommand.class, ClaimsCommand.class, RefreshCommand.class, LogoutCommand.class, IssuersCommand.class,
                TargetsCommand.class, AssumeCommand.class, CredentialProcessCommand.class, EnvCommand.class, AwsCommand.class, GcpCommand.class,
                KeychainCommand.class, DoctorCommand.class, ImportCommand.class, SetupCommand.class, KubeCommand.class,
                SandboxCommand.class, SettingsCommand.class, AgentCommand.class, HelpCommand.class})
public final class FedcredCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the CLI with {@code args}; returns the process exit code. */
    public static int execute(FedcredContext context, PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new FedcredCommand(), new ContextFactory(context));
        cli.setOut(out);
        cli.setErr(err);
        CliFailures.sayKeychainNotices(context, err);
        // the one printer of every failure (DirectAssume's too): its message may quote a provider, a claim or a file
        cli.setExecutionExceptionHandler((failure, commandLine, parseResult) -> {
            if (CliFailures.explained(failure)) {
                return CliFailures.report(failure, commandLine.getErr());
            }
            throw failure;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = FedcredCommand.class.getPackage().getImplementationVersion();
            return new String[] {"fedcred " + (version == null ? "development build" : version)};
        }
    }
}
