package dev.fedcred.cli;

import dev.fedcred.core.text.OutsideText;
import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Where the commands print. Their lines carry names, URLs and paths from settings.json, claims,
 * and failure messages that quote providers and files; whatever slipped past the place a message
 * was built, a control character or a bidirectional override must not reach the user's terminal.
 * Every character {@link OutsideText} escapes is escaped on the way out, line breaks stay. JSON
 * stays valid and means the same: Jackson has escaped a backslash already, so a {@code \}{@code uXXXX}
 * written here is a JSON escape of that very character.
 *
 * <p>picocli's own usage help is printed to the plain writers: it carries its ANSI colours.
 *
 * @see SafeWriter
 */
final class Terminal {
    private Terminal() {
    }

    static PrintWriter out(CommandSpec spec) {
        return SafeWriter.of(spec.commandLine().getOut());
    }

    static PrintWriter err(CommandSpec spec) {
        return SafeWriter.of(spec.commandLine().getErr());
    }
}
