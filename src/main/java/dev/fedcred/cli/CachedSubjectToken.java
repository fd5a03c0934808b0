package dev.fedcred.cli;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.gcp.ExecutableSubjectTokens;
import dev.fedcred.core.gcp.GcpWorkloadTarget;
import java.io.PrintWriter;
import java.util.Optional;

/**
 * Google's libraries run {@code fedcred gcp subject-token TARGET} whenever they need a new access
 * token, so the common case, a fresh ID token in the token cache, is answered before picocli or the
 * JWT library loads (as {@link CachedCredentialProcess} does for the AWS CLI). Everything else,
 * renewing and every failure, goes through {@link SubjectTokenCommand}.
 */
public final class CachedSubjectToken {
    private CachedSubjectToken() {
    }

    /** Prints the response and returns true, or returns false for the full command to answer. */
    public static boolean answer(FedcredContext context, PrintWriter out, String... args) {
        if (!SubjectTokenArgs.isSubjectToken(args) || args[2].startsWith("-")
                || SubjectTokenArgs.pinned(args).size() * 2 != args.length - 3) {
            return false;
        }
        try {
            Optional<GcpWorkloadTarget> target = context.targets().find(args[2])
                    .flatMap(found -> context.kinds().as(found, GcpWorkloadTarget.class));
            if (target.isEmpty()) {
                return false;
            }
            ExecutableSubjectTokens tokens = context.executableSubjectTokens();
            tokens.check(target.get(), context.environment());
            Optional<String> response = tokens.fresh(target.get());
            if (response.isEmpty()) {
                return false;
            }
            tokens.keepOutput(context.environment(), response.get());
            PrintWriter safe = SafeWriter.of(out);
            safe.println(response.get());
            safe.flush();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
