package dev.fedcred.testing;

import dev.fedcred.FedcredContext;
import dev.fedcred.cli.FedcredCommand;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;

/**
 * A separate fedcred process (not a test itself) that runs one CLI command several times, with
 * the browser played by {@link FakeBrowser} so sign-ins against an auto-approving sandbox finish
 * on their own. {@code CliChild COMMAND WORD NAME...} prints "ready", waits for a line on stdin
 * (so all children start together), then runs {@code COMMAND WORD NAME} for each name ({@code -}
 * as the word: none), e.g. {@code login --issuer a b}, {@code assume - t1 t2} or
 * {@code gcp print-access-token t1 t2}. Exits 1 after printing the failing run's stderr when any
 * run fails.
 */
public final class CliChild {
    private CliChild() {
    }

    public static void main(String[] args) throws Exception {
        String command = args[0];
        String option = args[1];
        FedcredContext context = new FedcredContext(System.getenv(), Clock.systemUTC(), new FakeBrowser());
        System.out.println("ready");
        System.out.flush();
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        for (String name : Arrays.copyOfRange(args, 2, args.length)) {
            String[] run = option.equals("-") ? new String[] {command, name} : new String[] {command, option, name};
            StringWriter err = new StringWriter();
            int exit = FedcredCommand.execute(context, new PrintWriter(new StringWriter(), true),
                    new PrintWriter(err, true), run);
            if (exit != 0) {
                System.err.println(String.join(" ", run) + " exited " + exit + ": " + err);
                System.exit(1);
            }
        }
        System.exit(0);
    }
}
