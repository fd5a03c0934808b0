package dev.fedcred.cli;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.kube.KubeHandouts;
import dev.fedcred.core.kube.KubeTarget;
import dev.fedcred.core.kube.KubeToken;
import java.io.PrintWriter;
import java.util.Optional;

/**
 * kubectl runs {@code fedcred kube credential NAME} before every request, so a fresh token in the
 * cache is answered before picocli builds its model of every command, and without the AWS SDK, the
 * YAML library or Nimbus (ColdCliClassLoadingTest). Everything else, including every failure, goes
 * through the full command, and so does kubectl's second call for the token it was just given
 * ({@link KubeHandouts}: the cluster refused it, which the full command explains). {@code Main} asks
 * here before it touches {@link FedcredCommand}.
 */
public final class CachedKubeCredential {
    private CachedKubeCredential() {
    }

    /** Prints the cached token as an ExecCredential and returns true, or returns false for the full command. */
    public static boolean answer(FedcredContext context, PrintWriter out, String... args) {
        if (args.length != 3 || !"kube".equals(args[0]) || !"credential".equals(args[1]) || args[2].startsWith("-")) {
            return false;
        }
        Optional<KubeToken> cached;
        try {
            cached = context.targets().find(args[2])
                    .flatMap(target -> context.kinds().as(target, KubeTarget.class))
                    .flatMap(target -> context.kube().reusable(target));
        } catch (RuntimeException e) {
            return false;
        }
        if (cached.isEmpty()) {
            return false;
        }
        Optional<KubeHandouts.Caller> caller = kubectl(context);
        KubeHandouts handouts = handouts(context);
        if (caller.isPresent() && handouts.call(args[2], caller.get(), cached.get()) != KubeHandouts.Call.FIRST) {
            return false;
        }
        PrintWriter safe = SafeWriter.of(out);
        safe.println(ExecCredentialJson.of(cached.get(), ExecCredentialJson.ExecInfo.from(context.kubeExecInfo())));
        safe.flush();
        caller.ifPresent(kubectl -> handouts.record(args[2], kubectl, cached.get(), false));
        return true;
    }

    /** The kubectl process that runs fedcred: its parent, when KUBERNETES_EXEC_INFO says client-go runs it. */
    static Optional<KubeHandouts.Caller> kubectl(FedcredContext context) {
        return context.kubeExecInfo() == null ? Optional.empty() : KubeHandouts.Caller.parent();
    }

    static KubeHandouts handouts(FedcredContext context) {
        return KubeHandouts.beside(context.paths().kubeTokenCacheFile(), context.clock());
    }
}
