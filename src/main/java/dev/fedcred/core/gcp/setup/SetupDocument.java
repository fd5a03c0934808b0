package dev.fedcred.core.gcp.setup;

import java.util.List;
import java.util.Objects;

/**
 * One piece of generated cloud set-up, as data: a front end shows the title and notes and offers
 * the text for copying (the CLI prints it). The text is ready to run or save as it is: every value
 * in it that came from a token is quoted for its language.
 *
 * @param title  what the piece does, for a heading
 * @param format how the text is read
 * @param text   the commands or the configuration
 * @param notes  what the reader must know before using it (the audience trap, a placeholder), each a sentence
 */
public record SetupDocument(String title, Format format, String text, List<String> notes) {

    public enum Format {
        /** POSIX shell commands (gcloud). */
        SHELL,
        /** Terraform's HCL. */
        TERRAFORM
    }

    public SetupDocument {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(text, "text");
        notes = List.copyOf(notes);
    }
}
