package dev.fedcred.core.targets;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A kind of target: everything fedcred does with targets of one class, in one place. Callers
 * never test a target's class; they ask {@link TargetKinds#of} for its kind. Adding a kind means
 * a package with its target record and an implementation of this interface, and one line in the
 * composition root that registers it (docs/ARCHITECTURE.md, "Adding a target kind").
 *
 * <p>The methods that get, read or remove credentials do network or file work: call them off any
 * UI thread. What they return may be shown: never a secret.
 *
 * @param <T> the target record of this kind
 */
public interface TargetKind<T extends Target> {

    /** The word for the kind in settings.json's {@code "kind"}: "aws", "gcp". */
    String id();

    /** For people: "AWS role", "GCP workload identity". */
    String title();

    Class<T> targetClass();

    /**
     * Every setting {@link #read} takes, as data: the window's dialog shows it and the command line
     * takes its keys as KEY=VALUE. Reads no file.
     */
    TargetForm form();

    /**
     * Reads a target of this kind from its settings.json entry (the entry's {@code "kind"} is this
     * kind's {@link #id()}); a value of the wrong type fails through the entry.
     */
    T read(TargetEntry entry);

    /** Writes the target's own settings into its settings.json entry; name, kind and issuer are written for it. */
    void write(T target, ObjectNode entry);

    /** Every problem of the target's settings by field, without reading a file; empty when it may be saved. */
    Map<TargetField, String> problems(T target);

    /**
     * Problems that only the disk shows (a folder that cannot be created, say); empty by default.
     * The dialog asks it off the UI thread when a setting of {@link TargetForm#checkedOnDisk} changes.
     */
    default Map<TargetField, String> problemsOnDisk(T target) {
        return Map.of();
    }

    /**
     * The target whose credentials this one's are made from (an AWS role reached through another),
     * by name; empty (default) when the target exchanges an ID token itself. Such a target signs in
     * through its source, whose credentials are renewed first.
     */
    default Optional<String> sourceName(T target) {
        return Optional.empty();
    }

    /** Gets new credentials and writes them where the tools look. */
    Obtained obtain(T target, boolean force);

    /** When the last credentials fedcred got for the target expire, without asking the cloud; empty when none. */
    Optional<Instant> cachedExpiry(T target);

    /**
     * Whether the file the tools read holds credentials fedcred wrote for this target, by the
     * ownership marker fedcred puts in what it writes. Only such credentials are renewed or removed.
     */
    boolean writtenByFedcred(T target);

    /** Takes out what fedcred wrote for the target; what someone else wrote always stays. */
    Removal removeWritten(T target);

    /** Forgets the cached credentials, so nothing hands them out again. */
    void forget(T target);

    /** The file the tools read the target's credentials from. */
    Path credentialsFile(T target);

    /** Where the credentials go, for lists: "AWS profile prod", "ADC /home/me/adc.json". Reads no file. */
    String writesTo(T target);

    /** Who the credentials are for, for lists: the role ARN, the service account. */
    String identity(T target);

    /**
     * What the desktop window's row says about the target whose credentials go to
     * {@code credentialsFile} (as {@link #credentialsFile} gave it). Reads no file.
     */
    TargetPresentation presentation(T target, Path credentialsFile);

    /**
     * Whether to offer replacing the file that made {@link #obtain} (without force) refuse; empty
     * when asking is not worth it (say the file is fedcred's, written for another target). May read
     * the file: call it off any UI thread.
     */
    default Optional<TargetPresentation.ReplaceQuestion> replaceQuestion(T target, NotWrittenByFedcredException refusal) {
        return Optional.empty();
    }

    /**
     * Runs one of the {@link TargetAction}s the kind's {@link #presentation} offers, by its id; the
     * caller opens {@link TargetAction.Done#browse} in the user's browser. Network work: off any UI thread.
     */
    default TargetAction.Done perform(T target, String actionId) {
        throw new dev.fedcred.core.FedcredException("A " + title() + " has no action \"" + actionId + "\".");
    }

    /**
     * What this kind can check about the target on the user's side (`fedcred doctor`, the row's
     * Check): what shadows or spoils the file the tools read, settings the cloud will refuse, and,
     * when {@link CheckContext#live}, a dry run of the exchange that writes nothing. Each
     * {@link Finding} carries its fix. Empty (default) when the kind has nothing to check. Network
     * and file work: off any UI thread.
     */
    default List<Finding> check(T target, CheckContext context) {
        return List.of();
    }

    /** What getting credentials did, for people; never a secret. */
    record Obtained(Instant expiresAt, String notice, java.util.List<String> report) {
        public Obtained {
            report = java.util.List.copyOf(report);
        }
    }

    /** What removing did, and whether a file is still there (one fedcred put back, say). */
    record Removal(String notice, boolean fileStillThere) {
    }
}
