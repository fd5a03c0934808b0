package dev.fedcred.core.targets;

import java.nio.file.Path;
import java.util.Set;

/**
 * How a setting is entered in the window's target dialog. Whatever the input, its value is text,
 * read by the kind like a settings.json entry ({@link TextEntry}), so the window and the command
 * line parse it the same way.
 */
public sealed interface SettingInput {
    /** Plain text. */
    Text TEXT = new Text();
    /** The issuer that signs in for the target, chosen among the configured ones; empty text: the default issuer. */
    IssuerChoice ISSUER = new IssuerChoice();

    record Text() implements SettingInput {
    }

    record IssuerChoice() implements SettingInput {
    }

    /**
     * A file fedcred writes, with a Browse button; empty text means {@code defaultFile}.
     *
     * @param fileTitle            what the file is, for the file chooser's title: "Google ADC file"
     * @param browseAccessibleText what a screen reader says for the Browse button
     */
    record FileToWrite(Path defaultFile, String fileTitle, String browseAccessibleText) implements SettingInput {
    }

    /**
     * One of a few fixed values; the empty text, shown first as {@code defaultLabel}, means the
     * kind's default.
     */
    record OneOf(String defaultLabel, java.util.List<Option> options) implements SettingInput {
        public OneOf {
            options = java.util.List.copyOf(options);
        }
    }

    /** A value of {@link OneOf}: the text the kind reads, and what people see. */
    record Option(String value, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    /**
     * Another of the user's targets, by name (a role reached through another role, say).
     *
     * @param kindIds the kinds it may be of; empty: any kind
     */
    record TargetChoice(Set<String> kindIds) implements SettingInput {
        public TargetChoice {
            kindIds = Set.copyOf(kindIds);
        }

        public boolean offers(String kindId) {
            return kindIds.isEmpty() || kindIds.contains(kindId);
        }
    }
}
