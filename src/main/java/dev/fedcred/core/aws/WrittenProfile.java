package dev.fedcred.core.aws;

import dev.fedcred.core.targets.TargetKind.Obtained;
import dev.fedcred.core.targets.TargetKind.Removal;
import dev.fedcred.core.text.TimeLeft;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * What every AWS kind says after writing or removing the profile of a target: the same words
 * whether the role was reached with a web identity or through another target's session.
 *
 * @param profile the profile the target writes
 * @param file    the shared credentials file it is written to
 */
public record WrittenProfile(String profile, Path file) {

    /**
     * What getting credentials did; only what may show: never the secret access key or the token.
     *
     * @param how         how the role was reached, after its session's ARN ("" or " (through prod)")
     * @param stsEndpoint the STS endpoint the tools should be pointed at (null: AWS's)
     */
    public Obtained obtained(AssumedRole role, String how, URI stsEndpoint, Instant now) {
        String notice = "Wrote profile " + profile + " (access key ID " + role.accessKeyId() + ")";
        List<String> report = List.of("Wrote AWS profile " + profile + " to " + file + " as " + role.assumedRoleArn()
                        + how + "; expires " + role.expiration() + " (in " + TimeLeft.between(now, role.expiration()) + ").",
                AwsHints.useWith(stsEndpoint, profile));
        return new Obtained(role.expiration(), notice, report);
    }

    /** What removing did: {@code removed} whether fedcred's profile was there to remove. */
    public Removal removal(boolean removed) {
        return new Removal(removed ? "Removed the profile " + profile + " from " + file + "."
                : "There was no profile " + profile + " written by fedcred in " + file + ".", false);
    }
}
