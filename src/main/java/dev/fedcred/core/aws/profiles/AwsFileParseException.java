package dev.fedcred.core.aws.profiles;

import dev.fedcred.core.FedcredException;
import java.nio.file.Path;

/**
 * An AWS file fedcred cannot parse safely; it is left byte for byte as it was. The message names
 * the file, the line and the problem, never the line's text, which may hold a secret key.
 */
public class AwsFileParseException extends FedcredException {
    private final Path file;
    private final int line;
    private final String problem;

    public AwsFileParseException(Path file, int line, String problem) {
        super("Cannot update " + file + ": line " + line + " " + problem + ". fedcred left the file unchanged;"
                + " fix that line (the AWS CLI would reject it too) and retry.");
        this.file = file;
        this.line = line;
        this.problem = problem;
    }

    /** What is wrong with the line ("is not a [section] header, …"), for a reader's own sentence. */
    public String problem() {
        return problem;
    }

    /** The sentence for a reader that changes nothing: the file, the line and the problem. */
    public String readerMessage() {
        return file + " cannot be read: line " + line + " " + problem + " (the AWS SDKs reject the whole file).";
    }

    public Path file() {
        return file;
    }

    public int line() {
        return line;
    }
}
