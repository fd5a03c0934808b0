package dev.fedcred.core.kube;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The last token fedcred handed to kubectl, and to which kubectl process (fedcred's parent).
 * client-go runs its exec plugin once per process and again only when the API server answered 401
 * (or when its copy expired, which {@link KubeCredentialService#REUSE_MARGIN} rules out), so the same
 * kubectl asking again for the token it was just given means the cluster refused that token. That
 * re-run is the one moment fedcred can speak to the user about a refusal: kubectl itself only says
 * "Unauthorized". Only runs with KUBERNETES_EXEC_INFO (set by client-go alone) count, so a script
 * that calls the command twice is never taken for a refusal.
 *
 * <p>One line in a file beside the token cache, written without the lock or fsync: it holds no
 * secret, and a lost or torn line only means a refusal goes unexplained.
 */
public final class KubeHandouts {
    /** A re-run later than this is not taken for an answer to the token handed out. */
    static final Duration RERUN_WINDOW = Duration.ofMinutes(2);

    private final Path file;
    private final Clock clock;

    public KubeHandouts(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    /** Kept beside the Kubernetes token cache. */
    public static KubeHandouts beside(Path kubeTokenCacheFile, Clock clock) {
        return new KubeHandouts(kubeTokenCacheFile.resolveSibling("kube-handout"), clock);
    }

    /** Who runs fedcred: its parent process, by pid and start time (a pid alone may be reused). */
    public record Caller(long pid, long startedMillis) {
        public static Optional<Caller> parent() {
            try {
                return ProcessHandle.current().parent().map(parent -> new Caller(parent.pid(),
                        parent.info().startInstant().map(Instant::toEpochMilli).orElse(0L)));
            } catch (RuntimeException unknown) {
                return Optional.empty();
            }
        }
    }

    public void record(String target, Caller caller, KubeToken token) {
        String line = target + "\t" + caller.pid() + "\t" + caller.startedMillis() + "\t"
                + token.expiresAt().toEpochMilli() + "\t" + clock.millis() + "\n";
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, line, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException notKept) {
            // a refusal then goes unexplained; the token itself is not affected
        }
    }

    /** Whether {@code caller} was handed this very token for {@code target} moments ago: its cluster refused it. */
    public boolean refusedBefore(String target, Caller caller, KubeToken token) {
        String[] last;
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > 4096) {
                return false;
            }
            last = Files.readString(file, StandardCharsets.UTF_8).strip().split("\t");
        } catch (IOException | RuntimeException unreadable) {
            return false;
        }
        if (last.length != 5) {
            return false;
        }
        try {
            long handedAt = Long.parseLong(last[4]);
            return last[0].equals(target) && Long.parseLong(last[1]) == caller.pid()
                    && Long.parseLong(last[2]) == caller.startedMillis()
                    && Long.parseLong(last[3]) == token.expiresAt().toEpochMilli()
                    && clock.millis() - handedAt >= 0 && clock.millis() - handedAt <= RERUN_WINDOW.toMillis();
        } catch (RuntimeException unreadable) {
            return false;
        }
    }
}
