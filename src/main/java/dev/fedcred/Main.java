package dev.fedcred;

import dev.fedcred.cli.FedcredCommand;
import java.io.PrintWriter;
import java.nio.charset.Charset;

/** No arguments: the desktop app. A subcommand: the CLI. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        FedcredContext context = FedcredContext.fromSystem();
        Charset charset = Charset.defaultCharset();
        PrintWriter out = new PrintWriter(System.out, true, charset);
        PrintWriter err = new PrintWriter(System.err, true, charset);
        System.exit(FedcredCommand.execute(context, out, err, args));
    }
}
