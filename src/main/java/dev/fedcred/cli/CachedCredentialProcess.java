package dev.fedcred.cli;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.aws.AssumedRole;
import dev.fedcred.core.aws.AwsSessions;
import java.io.PrintWriter;
import java.util.Optional;

/**
 * The AWS CLI runs {@code fedcred credential-process TARGET} before every call, so the common
 * case, fresh credentials in the session cache, is answered before picocli builds its model of
 * every command (a quarter of a second on a cold JVM). Everything else, including every failure,
 * goes through the full command, which reports it properly. {@code Main} asks here before it
 * touches {@link FedcredCommand}, whose linking alone loads picocli.
 */
public final class CachedCredentialProcess {
    private CachedCredentialProcess() {
    }

    /** Prints the cached credentials and returns true, or returns false for the full command to answer. */
    public static boolean answer(FedcredContext context, PrintWriter out, String... args) {
        if (args.length != 2 || !"credential-process".equals(args[0]) || args[1].startsWith("-")) {
            return false;
        }
        Optional<AssumedRole> cached;
        try {
            cached = context.targets().find(args[1])
                    .flatMap(target -> AwsSessions.of(context.kinds(), target))
                    .flatMap(AwsSessions.AwsSession::reusable);
        } catch (RuntimeException e) {
            return false;
        }
        if (cached.isEmpty()) {
            return false;
        }
        PrintWriter safe = SafeWriter.of(out);
        safe.println(CredentialProcessJson.of(cached.get()));
        safe.flush();
        return true;
    }
}
