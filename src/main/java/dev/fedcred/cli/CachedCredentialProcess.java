package dev.fedcred.cli;

import dev.fedcred.core.FedcredPaths;
import dev.fedcred.core.aws.AssumedRole;
import dev.fedcred.core.aws.AwsRoleKind;
import dev.fedcred.core.aws.AwsSessionCache;
import dev.fedcred.core.aws.chained.ChainedRoleKind;
import dev.fedcred.core.builtin.SandboxTargets;
import dev.fedcred.core.settings.TargetKindIds;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * The AWS CLI runs {@code fedcred credential-process TARGET} before every call, so the common
 * case, fresh credentials in the session cache, is answered before {@code Main} builds the
 * composition root or picocli its model of every command. Everything else, including every failure,
 * goes through the full command, which reports it properly.
 *
 * <p>On this path nothing may link a lambda, a method reference or a stream: on JDK 17 the first
 * one costs a cold JVM some milliseconds and each further one a fraction, archive or not, and the
 * composition root alone links ~25 (docs/performance.md, "The cached credential-process";
 * {@code ColdCliClassLoadingTest} checks it). So it reads only what the answer depends on, with the
 * readers the full command uses: the target's kind from the settings file (or the built-in
 * targets), and the AWS session cache through {@link AwsSessionCache}, both bounded by their
 * {@code FileSizeLimit}.
 */
public final class CachedCredentialProcess {
    private CachedCredentialProcess() {
    }

    /** Prints the cached credentials and returns true, or returns false for the full command to answer. */
    public static boolean answer(Map<String, String> env, Clock clock, PrintWriter out, String... args) {
        if (args.length != 2 || !"credential-process".equals(args[0]) || args[1].startsWith("-")) {
            return false;
        }
        String name = args[1];
        AssumedRole cached;
        try {
            FedcredPaths paths = FedcredPaths.fromEnvironment(env);
            if (!holdsAwsSessions(kindIdOf(paths, name))) {
                return false;
            }
            Optional<AssumedRole> role = new AwsSessionCache(paths.awsSessionCacheFile()).load(name);
            if (role.isEmpty() || !role.get().validFor(AwsSessionCache.REUSE_MARGIN, clock.instant())) {
                return false;
            }
            cached = role.get();
        } catch (RuntimeException e) {
            return false;
        }
        PrintWriter safe = SafeWriter.of(out);
        safe.println(CredentialProcessJson.of(cached));
        safe.flush();
        return true;
    }

    /** As the target registry finds it: the user's own target of that name first, then a built-in one. */
    private static String kindIdOf(FedcredPaths paths, String name) {
        Optional<String> own = TargetKindIds.of(paths.settingsFile(), name);
        return own.isPresent() ? own.get() : SandboxTargets.kindIdOf(name).orElse("");
    }

    /**
     * The kinds whose sessions the AWS session cache holds and reuse while more than
     * {@link AwsSessionCache#REUSE_MARGIN} is left: every {@code AwsSessionKind}, as
     * CachedCredentialProcessTest checks against the kinds the composition root registers.
     */
    static boolean holdsAwsSessions(String kindId) {
        return AwsRoleKind.ID.equals(kindId) || ChainedRoleKind.ID.equals(kindId);
    }
}
