package dev.fedcred.cli;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.FedcredException;
import java.io.PrintWriter;

/**
 * How every command reports a failure it can explain, and the keychain notice: shared by the full
 * command line and by {@link DirectAssume}, which answers before picocli is loaded, so both print
 * the same words. It must not refer to picocli.
 */
final class CliFailures {
    private CliFailures() {
    }

    /** The failures fedcred explains itself; anything else is a bug and keeps its stack trace. */
    static boolean explained(Throwable failure) {
        return failure instanceof FedcredException || failure instanceof IllegalArgumentException;
    }

    /** Prints an {@link #explained} failure, whose message may quote a provider, a claim or a file; returns the exit code. */
    static int report(Throwable failure, PrintWriter err) {
        PrintWriter failures = SafeWriter.of(err);
        failures.println("fedcred: " + failure.getMessage());
        failures.flush();
        return ExitCodes.forFailure(failure);
    }

    /** Said once per process, on stderr, so credential_process's JSON on stdout stays clean. */
    static void sayKeychainNotices(FedcredContext context, PrintWriter err) {
        PrintWriter safeErr = SafeWriter.of(err);
        context.keychain().vault().onKeychainUnavailable(notice -> {
            safeErr.println("fedcred: " + notice);
            safeErr.flush();
        });
    }
}
