package dev.fedcred;

import dev.fedcred.cli.CachedCredentialProcess;
import dev.fedcred.cli.FedcredCommand;
import dev.fedcred.ui.DesktopApp;
import java.io.PrintWriter;
import java.nio.charset.Charset;

/** No arguments: the desktop app. A subcommand: the CLI, which never loads JavaFX. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        FedcredContext context = FedcredContext.fromSystem();
        if (args.length == 0) {
            runDesktopApp(context);
            return;
        }
        Charset charset = Charset.defaultCharset();
        PrintWriter out = new PrintWriter(System.out, true, charset);
        if (CachedCredentialProcess.answer(context, out, args)) {
            System.exit(0);
        }
        PrintWriter err = new PrintWriter(System.err, true, charset);
        System.exit(FedcredCommand.execute(context, out, err, args));
    }

    private static void runDesktopApp(FedcredContext context) {
        try (EmbeddedSandbox sandbox = new EmbeddedSandbox(context.sandboxPort(), context.sandboxGcpPort(),
                context.paths().sandboxDir())) {
            DesktopApp.launch(context, sandbox::ensureRunning);
        }
        System.exit(0);
    }
}
