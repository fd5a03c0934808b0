package dev.fedcred.core.launch;

/** Words a POSIX shell (and botocore, which splits credential_process like one) reads back unchanged. */
public final class ShellWords {
    private ShellWords() {
    }

    /** The word as it is when it holds only safe characters, else in single quotes. */
    public static String quoted(String word) {
        if (word.matches("[\\w@%+=:,./-]+")) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
