package dev.fedcred.core.targets;

import dev.fedcred.core.FedcredException;
import java.nio.file.Path;

/**
 * A file the tools read is in the way, and fedcred did not write it (or wrote it for another
 * target), so fedcred left it as it is. Every kind throws a subclass; the window asks the kind
 * ({@link TargetKind#replaceQuestion}) whether to offer replacing it.
 */
public class NotWrittenByFedcredException extends FedcredException {
    /** Transient: a Path is not serializable, and nothing sends this exception across a stream. */
    private final transient Path file;

    public NotWrittenByFedcredException(String message, Path file) {
        super(message);
        this.file = file;
    }

    /** The file in the way. */
    public Path file() {
        return file;
    }
}
