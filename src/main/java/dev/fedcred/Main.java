package dev.fedcred;

import dev.fedcred.cli.CachedCredentialProcess;
import dev.fedcred.cli.CachedSubjectToken;
import dev.fedcred.cli.SubjectTokenArgs;
import dev.fedcred.cli.CachedKubeCredential;
import dev.fedcred.cli.DirectAssume;
import dev.fedcred.cli.FedcredCommand;
import dev.fedcred.core.FedcredException;
import dev.fedcred.core.text.OutsideText;
import dev.fedcred.instance.SingleInstance;
import dev.fedcred.ui.app.DesktopApp;
import dev.fedcred.ui.fx.StartupTimeline;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.time.Clock;
import java.util.Optional;
import java.util.OptionalInt;

/** No arguments: the desktop app. A subcommand: the CLI, which never loads JavaFX. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        Charset charset = Charset.defaultCharset();
        PrintWriter out = new PrintWriter(System.out, true, charset);
        // the AWS CLI's call before each of its own: answered before the composition root is built
        if (CachedCredentialProcess.answer(System.getenv(), Clock.systemUTC(), out, args)) {
            System.exit(0);
        }
        // an ADC file's executable source carries the variables that find fedcred's state on its command line
        FedcredContext context = FedcredContext.fromSystem(SubjectTokenArgs.pinned(args));
        if (args.length == 0) {
            runDesktopApp(context);
            return;
        }
        if (CachedSubjectToken.answer(context, out, args) || CachedKubeCredential.answer(context, out, args)) {
            System.exit(0);
        }
        PrintWriter err = new PrintWriter(System.err, true, charset);
        OptionalInt assumed = DirectAssume.run(context, out, err, args);
        System.exit(assumed.isPresent() ? assumed.getAsInt() : FedcredCommand.execute(context, out, err, args));
    }

    /** One app per user: a second launch brings the first one's window forward and ends. */
    private static void runDesktopApp(FedcredContext context) {
        StartupTimeline.mark("context-built");
        Optional<SingleInstance> claim;
        try {
            claim = SingleInstance.claim(context.paths().stateDir());
        } catch (FedcredException e) {
            System.err.println(OutsideText.neutraliseKeepingLineBreaks(e.getMessage()));
            System.exit(1);
            return;
        }
        if (claim.isEmpty()) {
            System.out.println(SingleInstance.ALREADY_RUNNING);
            System.exit(0);
            return;
        }
        try (SingleInstance instance = claim.get();
             EmbeddedSandbox sandbox = new EmbeddedSandbox(context.sandboxPort(), context.sandboxGcpPort(),
                     context.paths().sandboxDir())) {
            StartupTimeline.mark("launching-javafx");
            DesktopApp.launch(context, sandbox::ensureRunning, instance);
        }
        System.exit(0);
    }
}
