package dev.fedcred.testing;

import dev.fedcred.FedcredContext;
import dev.fedcred.cli.FedcredCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs one CLI invocation in-process, its output captured, optionally on a background thread. */
public final class CliRun {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final CompletableFuture<Integer> exitCode;

    private CliRun(FedcredContext context, boolean background, String... args) {
        PrintWriter outWriter = new PrintWriter(out, true);
        PrintWriter errWriter = new PrintWriter(err, true);
        exitCode = background
                ? CompletableFuture.supplyAsync(() -> FedcredCommand.execute(context, outWriter, errWriter, args))
                : CompletableFuture.completedFuture(FedcredCommand.execute(context, outWriter, errWriter, args));
    }

    public static CliRun run(FedcredContext context, String... args) {
        return new CliRun(context, false, args);
    }

    public static CliRun start(FedcredContext context, String... args) {
        return new CliRun(context, true, args);
    }

    public int exitCode() {
        return exitCode.orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
    }

    public String out() {
        return out.toString();
    }

    public String err() {
        return err.toString();
    }

    /** Waits until stderr shows a match of {@code regex} and returns its first group. */
    public String awaitErr(String regex, Duration timeout) throws InterruptedException {
        Pattern pattern = Pattern.compile(regex);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Matcher matcher = pattern.matcher(err.toString());
            if (matcher.find()) {
                return matcher.group(1);
            }
            if (exitCode.isDone()) {
                break;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("stderr never matched " + regex + "; it was:\n" + err + "\nstdout:\n" + out);
    }

    public static Predicate<String> containsAll(String... parts) {
        return text -> java.util.Arrays.stream(parts).allMatch(text::contains);
    }
}
