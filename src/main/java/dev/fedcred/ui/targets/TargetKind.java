package dev.fedcred.ui.targets;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.FedcredException;
import dev.fedcred.core.status.TargetSnapshot;
import dev.fedcred.core.targets.NotWrittenByFedcredException;
import dev.fedcred.core.targets.TargetAction;
import dev.fedcred.core.targets.TargetKinds;
import dev.fedcred.core.targets.TargetPresentation;
import dev.fedcred.ui.fx.Confirmation;
import java.time.Instant;
import java.util.List;
import javafx.scene.control.ButtonType;

/**
 * A target's kind as its {@link TargetRow} and the tray use it: the words come from the core
 * kind ({@link TargetPresentation}, carried by the snapshot) and the work from the core kind's
 * operations, so every kind of target gets the same row without code of its own here. The row
 * does the rest (background work, the countdown, confirmations, inline errors with Sign in). The
 * background methods run off the FX thread and return only what may show: never a secret.
 */
public final class TargetKind {
    private final TargetSnapshot snapshot;
    private final TargetPresentation words;

    private TargetKind(TargetSnapshot snapshot) {
        this.snapshot = snapshot;
        this.words = snapshot.presentation();
    }

    /** The kind for the target; null when its kind gave the window nothing to show. */
    public static TargetKind of(TargetSnapshot snapshot) {
        return snapshot.presentation() == null ? null : new TargetKind(snapshot);
    }

    /** The text and accessible text (null for none) of the lines under the name. */
    record Detail(String text, String accessibleText) {
    }

    /** What getting credentials showed: their new expiry and a notice without secrets. */
    public record Got(Instant expiration, String notice) {
    }

    /** What removing did, and whether a file is still there (one fedcred restored, say). */
    record Removed(String notice, boolean fileThere) {
    }

    /** From {@code current}, the row's latest snapshot: the file they name may have moved since. */
    List<Detail> details(TargetSnapshot current) {
        return current.presentation().details().stream().map(line -> new Detail(line.text(), line.accessibleText())).toList();
    }

    /** What the delete question offers to remove besides the target. */
    String alsoRemoveText(TargetSnapshot current) {
        return current.presentation().alsoRemoveText();
    }

    /** "Assume role", "Get credentials". */
    public String getLabel() {
        return words.getLabel();
    }

    /** "AWS credentials", "Google Cloud credentials": how a screen reader names what counts down. */
    String credentialsName() {
        return words.credentialsName();
    }

    /** "Remove profile", "Remove credentials". */
    String removeLabel() {
        return words.removeLabel();
    }

    public String gettingMessage() {
        return words.gettingMessage();
    }

    String removingMessage() {
        return words.removingMessage();
    }

    /** What else the kind offers on the row and in the tray, such as opening the AWS console. */
    public List<TargetAction> actions() {
        return words.actions();
    }

    /** Shown when fedcred holds valid credentials but the file the tools read is not there. */
    String missingHint() {
        return words.missingHint();
    }

    /**
     * Background: gets the credentials and writes them where the tools look. Without force, a
     * file fedcred did not write that is worth asking about comes back as {@link ReplaceAsked}
     * (the kind may read the file to decide, so it is decided here, off the FX thread).
     */
    public Got get(FedcredContext context, boolean force) {
        TargetKinds.Bound<?> bound = context.kinds().of(snapshot.target());
        try {
            var obtained = bound.obtain(force);
            return new Got(obtained.expiresAt(), obtained.notice());
        } catch (NotWrittenByFedcredException refusal) {
            if (force) {
                throw refusal;
            }
            throw bound.replaceQuestion(refusal).<RuntimeException>map(asked -> new ReplaceAsked(asked, refusal))
                    .orElse(refusal);
        }
    }

    /** The question to ask when {@code failure} means a file fedcred did not write is in the way; else null. */
    Confirmation replaceQuestion(Throwable failure) {
        return failure instanceof ReplaceAsked asked
                ? confirmation(asked.question.question(), TargetRowModel.REPLACE) : null;
    }

    /** Shown when the user keeps their own file after {@link #replaceQuestion}. */
    String keptNotice(Throwable failure) {
        return failure instanceof ReplaceAsked asked ? asked.question.keptNotice() : null;
    }

    Confirmation removeQuestion(TargetSnapshot current) {
        return confirmation(current.presentation().removeQuestion(), TargetRowModel.REMOVE);
    }

    /** Background: takes out what fedcred wrote. */
    Removed remove(FedcredContext context, TargetSnapshot current) {
        var removal = context.kinds().of(current.target()).removeWritten();
        return new Removed(removal.notice(), removal.fileStillThere());
    }

    private static Confirmation confirmation(TargetPresentation.Question question, ButtonType proceed) {
        return new Confirmation(question.title(), question.text(), proceed, question.proceedAccessibleText(),
                question.cancelAccessibleText());
    }

    /** A file fedcred did not write is in the way, and the kind finds it worth asking whether to replace it. */
    static final class ReplaceAsked extends FedcredException {
        private final transient TargetPresentation.ReplaceQuestion question;

        ReplaceAsked(TargetPresentation.ReplaceQuestion question, NotWrittenByFedcredException refusal) {
            super(refusal.getMessage(), refusal);
            this.question = question;
        }
    }
}
