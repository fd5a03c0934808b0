package dev.fedcred.cli;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.FedcredException;
import dev.fedcred.core.aws.AwsSessions;
import dev.fedcred.core.aws.console.ConsoleLink;
import dev.fedcred.core.launch.Launcher;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "console", description = {
        "Sign in to the AWS console as the target's role and open it in your browser.",
        "Any AWS target works: an AWS role or a chained one.",
        "Uses the target's current credentials (new ones from STS when under 15 minutes",
        "are left) and the federation endpoint of the role's partition: signin.aws.",
        "amazon.com, signin.amazonaws.cn or signin.amazonaws-us-gov.com (a chained role",
        "uses its source's federation_endpoint). The console session lasts the target's",
        "session duration (default 1 hour).",
        "The login URL signs in whoever opens it for 15 minutes: fedcred never logs it.",
        "Exit codes: 0 opened (or printed), 1 failed, 3 sign in to the issuer first."})
final class AwsConsoleCommand implements Callable<Integer> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TARGET")
    String targetName;

    @Option(names = "--region", paramLabel = "R", description = "The console's region, such as eu-west-1 (default: the target's region).")
    String region;

    @Option(names = "--destination", paramLabel = "URL", description = "A console page to open, such as"
            + " https://console.aws.amazon.com/s3/home; only https pages of the role's partition's console.")
    String destination;

    @Option(names = "--print", description = "Print the login URL on stdout instead of opening a browser (a warning goes"
            + " to stderr): it signs in whoever opens it within 15 minutes, so never paste it where others can see it.")
    boolean print;

    private final FedcredContext context;

    AwsConsoleCommand(FedcredContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        AwsSessions.AwsSession target = TypedTargets.awsSession(context, targetName);
        ConsoleLink link = context.awsConsole().link(target, region, destination);
        String roleArn = target.consoleRole().roleArn();
        String until = TIME.format(link.expiresAt().atZone(ZoneId.systemDefault()));
        if (print) {
            PrintWriter err = Terminal.err(spec);
            err.println("fedcred: warning: this URL signs whoever opens it in to the AWS console as " + roleArn
                    + " until " + until + " (15 minutes). Do not share it, paste it into chats or tickets, or keep it.");
            err.flush();
            PrintWriter out = Terminal.out(spec);
            out.println(link.url());
            out.flush();
            return ExitCodes.OK;
        }
        if (!context.browser().open(link.url())) {
            throw new FedcredException("No browser could be started here. Run `" + Launcher.current().forPeople("aws",
                    "console", target.name(), "--print") + "` and open the URL it prints in a browser within 15 minutes.");
        }
        Terminal.out(spec).println("Opened the AWS console as " + roleArn + " at " + link.destination()
                + " in your browser.");
        return ExitCodes.OK;
    }
}
