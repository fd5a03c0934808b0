package dev.fedcred.core.kube;

import dev.fedcred.core.files.BoundedFiles;
import dev.fedcred.core.files.FileSizeLimit;
import dev.fedcred.core.files.SecureFiles;
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
 * <p>One line in a file beside the token cache, read within {@link FileSizeLimit#KUBE_HANDOUT} and
 * written like every state file (atomically, 0600, under its lock). It holds no secret, and a line
 * that cannot be read or written only means a refusal goes unexplained.
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

    /** What kubectl's call for a token means, from the last hand-out. */
    public enum Call {
        /** A first call: a new kubectl, or one whose token has run out. */
        FIRST,
        /** kubectl asks again for the token it was just given: its cluster refused it. */
        REFUSED,
        /** As REFUSED, but this kubectl was already told why (it retries more than one request). */
        REFUSED_AGAIN
    }

    /**
     * @param explained whether this kubectl has been told why its cluster refuses the target's tokens
     */
    public void record(String target, Caller caller, KubeToken token, boolean explained) {
        String line = target + "\t" + caller.pid() + "\t" + caller.startedMillis() + "\t"
                + token.expiresAt().toEpochMilli() + "\t" + clock.millis() + "\t" + explained + "\n";
        try {
            SecureFiles.writeAtomically(file, line.getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException notKept) {
            // a refusal then goes unexplained; the token itself is not affected
        }
    }

    /** What {@code caller}'s call for {@code target} means, when the cache would hand it {@code token}. */
    public Call call(String target, Caller caller, KubeToken token) {
        String[] last;
        try {
            if (!Files.isRegularFile(file)) {
                return Call.FIRST;
            }
            last = BoundedFiles.readString(file, FileSizeLimit.KUBE_HANDOUT).strip().split("\t");
        } catch (IOException | RuntimeException unreadable) {
            return Call.FIRST;
        }
        if (last.length != 6) {
            return Call.FIRST;
        }
        try {
            long since = clock.millis() - Long.parseLong(last[4]);
            boolean sameCaller = last[0].equals(target) && Long.parseLong(last[1]) == caller.pid()
                    && Long.parseLong(last[2]) == caller.startedMillis();
            boolean sameToken = Long.parseLong(last[3]) == token.expiresAt().toEpochMilli();
            if (!sameCaller || !sameToken || since < 0 || since > RERUN_WINDOW.toMillis()) {
                return Call.FIRST;
            }
            return Boolean.parseBoolean(last[5]) ? Call.REFUSED_AGAIN : Call.REFUSED;
        } catch (RuntimeException unreadable) {
            return Call.FIRST;
        }
    }
}
