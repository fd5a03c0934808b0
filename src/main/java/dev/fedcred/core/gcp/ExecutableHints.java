package dev.fedcred.core.gcp;

import dev.fedcred.core.launch.Launcher;

/** What a user must know about the executable ADC source, in the words assume, the row and the CLI share. */
public final class ExecutableHints {
    /** The line for a POSIX shell's profile. */
    public static final String EXPORT_LINE = "export " + ExecutableSubjectTokens.ALLOW_VARIABLE + "=1";

    private ExecutableHints() {
    }

    /** The opt-in Google's libraries and gcloud need, and whether this environment has it. */
    public static String allowLine(boolean allowedHere) {
        String needs = "Google's libraries and gcloud run it only with " + ExecutableSubjectTokens.ALLOW_VARIABLE
                + "=1 in their environment";
        if (allowedHere) {
            return needs + " (this shell has it).";
        }
        return needs + ", which this shell does not have: add `" + EXPORT_LINE + "` to your shell profile (`"
                + Launcher.current().forPeople("gcp", "allow-executables") + "` prints the line for your shell), or"
                + " the ADC file fails with \"executables need to be explicitly allowed\".";
    }
}
