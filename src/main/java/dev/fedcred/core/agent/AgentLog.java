package dev.fedcred.core.agent;

import dev.fedcred.core.FedcredPaths;
import dev.fedcred.core.files.SecureFiles;
import dev.fedcred.core.renewal.RenewalOutcome;
import dev.fedcred.core.text.OutsideText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.temporal.ChronoUnit;

/**
 * The background agent's log, {@code agent.log} in fedcred's state directory (0600): one line per
 * event, names and times only, never a token or key (a failure's message is the one a user would
 * see, which by the house rules holds none). Bounded: past {@link #MAX_BYTES} the file becomes
 * {@code agent.log.1}, replacing the older one, so the two never take more than twice that.
 */
public final class AgentLog {
    public static final long MAX_BYTES = 256 * 1024;

    private final Path file;
    private final Clock clock;

    public AgentLog(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    public static Path fileIn(FedcredPaths paths) {
        return paths.stateDir().resolve("agent.log");
    }

    public Path file() {
        return file;
    }

    public void outcome(RenewalOutcome outcome) {
        String what = (outcome.kind() == RenewalOutcome.Kind.ID_TOKEN ? "the ID token of issuer " : "target ")
                + OutsideText.neutralise(outcome.name());
        if (outcome.succeeded()) {
            info("renewed " + what + " until " + outcome.renewedUntil().truncatedTo(ChronoUnit.SECONDS));
        } else {
            info("could not renew " + what + ": " + outcome.failure().getMessage());
        }
    }

    /** Appends one line; a log that cannot be written never stops the renewing. */
    public synchronized void info(String message) {
        String line = clock.instant().truncatedTo(ChronoUnit.SECONDS) + " " + OutsideText.neutralise(message) + "\n";
        try {
            SecureFiles.createPrivateDirectories(file.getParent());
            if (Files.exists(file) && Files.size(file) + line.length() > MAX_BYTES) {
                Files.move(file, file.resolveSibling(file.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
            }
            if (!Files.exists(file)) {
                createPrivate();
            }
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException | RuntimeException e) {
            System.err.println("fedcred agent: cannot write " + file + ": " + e.getMessage());
        }
    }

    private void createPrivate() throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
    }
}
