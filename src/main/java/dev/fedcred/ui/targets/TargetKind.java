package dev.fedcred.ui.targets;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.aws.AwsRoleKind;
import dev.fedcred.core.gcp.GcpWorkloadKind;
import dev.fedcred.core.status.TargetSnapshot;
import dev.fedcred.core.aws.AwsRoleTarget;
import dev.fedcred.core.gcp.GcpWorkloadTarget;
import dev.fedcred.ui.fx.Confirmation;
import java.time.Instant;
import java.util.List;

/**
 * What differs between the kinds of target a {@link TargetRow} gets credentials for: the lines
 * that say where they go, the words on the buttons, and the core calls. The row does the rest
 * (background work, the countdown, confirmations, inline errors with Sign in) the same for all.
 * The background methods run off the FX thread and return only what may show: never a secret.
 */
public interface TargetKind {

    /** The kind for the target; null for a kind the window cannot get credentials for yet. */
    static TargetKind of(TargetSnapshot snapshot) {
        return switch (snapshot.kindId()) {
            case AwsRoleKind.ID -> new AwsKind((AwsRoleTarget) snapshot.target());
            case GcpWorkloadKind.ID -> new GcpKind((GcpWorkloadTarget) snapshot.target());
            default -> null;
        };
    }

    /** What the delete question offers to remove besides the target. */
    String alsoRemoveText(TargetSnapshot snapshot);

    /** The text and accessible text (null for none) of the lines under the name. */
    record Detail(String text, String accessibleText) {
    }

    /** What getting credentials showed: their new expiry and a notice without secrets. */
    record Got(Instant expiration, String notice) {
    }

    /** What removing did, and whether a file is still there (one fedcred restored, say). */
    record Removed(String notice, boolean fileThere) {
    }

    List<Detail> details(TargetSnapshot snapshot);

    /** "Assume role", "Get credentials". */
    String getLabel();

    /** "AWS credentials", "Google Cloud credentials": how a screen reader names what counts down. */
    String credentialsName();

    /** "Remove profile", "Remove credentials". */
    String removeLabel();

    String gettingMessage();

    /** Background: gets the credentials and writes them where the tools look. */
    Got get(FedcredContext context, boolean force);

    /** The question to ask when {@code failure} means a file fedcred did not write is in the way; else null. */
    Confirmation replaceQuestion(Throwable failure);

    /** Shown when the user keeps their own file after {@link #replaceQuestion}. */
    String keptNotice(Throwable failure);

    Confirmation removeQuestion(TargetSnapshot snapshot);

    String removingMessage();

    /** Background: takes out what fedcred wrote. */
    Removed remove(FedcredContext context, TargetSnapshot snapshot);

    /** Shown when fedcred holds valid credentials but the file the tools read is not there. */
    String missingHint();
}
