package dev.fedcred.core.targets;

import dev.fedcred.core.text.OutsideText;
import java.util.Objects;

/**
 * One thing a check found on the user's side, and how to fix it: a command to run or a step to
 * take. Both texts may carry outside words (a file's content, a provider's reply), so both are
 * neutralised here, once.
 *
 * @param severity what it means for getting credentials
 * @param problem  what is wrong
 * @param fix      the command to run or the step to take
 * @param command  whether {@code fix} is a command a user can copy as it is
 */
public record Finding(Severity severity, String problem, String fix, boolean command) {
    /**
     * ERROR: credentials will not work as set up; WARNING: they may not be the ones the tools use;
     * NOTE: worth knowing, nothing to fix (what gcloud uses, say). Notes do not change doctor's exit code.
     */
    public enum Severity { ERROR, WARNING, NOTE }

    public Finding {
        Objects.requireNonNull(severity, "severity");
        problem = OutsideText.shown(problem);
        fix = fix == null ? "" : OutsideText.shown(fix);
    }

    public static Finding error(String problem, String fix) {
        return new Finding(Severity.ERROR, problem, fix, false);
    }

    public static Finding warning(String problem, String fix) {
        return new Finding(Severity.WARNING, problem, fix, false);
    }

    /** A finding whose fix is a command to run as it is. */
    public static Finding errorFixedBy(String problem, String command) {
        return new Finding(Severity.ERROR, problem, command, true);
    }

    public static Finding warningFixedBy(String problem, String command) {
        return new Finding(Severity.WARNING, problem, command, true);
    }

    public static Finding note(String text) {
        return new Finding(Severity.NOTE, text, "", false);
    }

    /** Whether it counts against the set-up (errors and warnings do; notes do not). */
    public boolean counts() {
        return severity != Severity.NOTE;
    }
}
