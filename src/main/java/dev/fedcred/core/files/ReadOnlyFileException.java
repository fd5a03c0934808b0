package dev.fedcred.core.files;

import dev.fedcred.core.FedcredException;
import java.nio.file.Path;

/** The user made a file fedcred would rewrite read-only; fedcred respects that and changes nothing. */
public class ReadOnlyFileException extends FedcredException {
    private final Path file;

    public ReadOnlyFileException(Path file) {
        super(file + " is read-only, so fedcred left it untouched (replacing it would undo your choice). To let"
                + " fedcred update it, make it writable for you (chmod u+w " + file + ") and retry; or point fedcred"
                + " at another file.");
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
