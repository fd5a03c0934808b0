package dev.fedcred.cli;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.targets.Target;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A plain {@code fedcred assume TARGET} of a target that exists, answered before picocli builds its
 * model of every command (some 150 ms of a cold start, a third of a cold assume): it calls the very
 * service {@link AssumeCommand} calls and reports failures as every command does
 * ({@link CliFailures}). Anything else (an option, help, an unknown target) goes through the full
 * command, which says what is wrong. {@code Main} asks here before it touches
 * {@link FedcredCommand}, whose linking alone loads picocli; this class must not refer to picocli.
 */
public final class DirectAssume {
    private DirectAssume() {
    }

    /** The exit code once it has answered, or empty for the full command to answer. */
    public static OptionalInt run(FedcredContext context, PrintWriter out, PrintWriter err, String... args) {
        if (args.length != 2 || !"assume".equals(args[0]) || args[1].startsWith("-")) {
            return OptionalInt.empty();
        }
        Optional<Target> target;
        try {
            target = context.targets().find(args[1]);
        } catch (RuntimeException e) {
            // an unreadable settings file: the full command says so
            return OptionalInt.empty();
        }
        if (target.isEmpty()) {
            return OptionalInt.empty();
        }
        CliFailures.sayKeychainNotices(context, err);
        try {
            assume(context, target.get(), false).forEach(SafeWriter.of(out)::println);
        } catch (RuntimeException failure) {
            if (!CliFailures.explained(failure)) {
                throw failure;
            }
            return OptionalInt.of(CliFailures.report(failure, err));
        } finally {
            out.flush();
        }
        return OptionalInt.of(ExitCodes.OK);
    }

    /** Fresh credentials for {@code target}, written where its tools look; the lines that say so. */
    static List<String> assume(FedcredContext context, Target target, boolean force) {
        return context.kinds().of(target).obtain(force).report();
    }
}
