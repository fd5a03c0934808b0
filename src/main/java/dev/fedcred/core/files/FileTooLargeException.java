package dev.fedcred.core.files;

import dev.fedcred.core.FedcredException;
import java.nio.file.Path;

/** A local file larger than fedcred reads for its kind; fedcred read none of it and changed nothing. */
public class FileTooLargeException extends FedcredException {
    private final Path file;

    public FileTooLargeException(Path file, long size, FileSizeLimit limit) {
        super(file + " is " + size + " bytes, more than the " + limit.maxBytes() + " bytes fedcred reads from "
                + limit.kind() + ", so fedcred did not use it and changed nothing. Check that it is the file you"
                + " meant; shrink it or move it away, then retry.");
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
