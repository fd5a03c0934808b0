package dev.fedcred.core.status;

import dev.fedcred.core.targets.Target;
import dev.fedcred.core.targets.TargetPresentation;
import java.nio.file.Path;
import java.time.Instant;

/**
 * What fedcred's files say about one target: no secrets, only when its last credentials expire
 * and whether what fedcred wrote for it is still where the tools look.
 *
 * @param kindId          the id of the target's kind, as {@link dev.fedcred.core.targets.TargetKind#id()} gives it
 * @param issuerName      the issuer that signs in for it; null when that cannot be resolved
 * @param issuerProblem   why not, for people; null when resolved
 * @param expiration      when the last credentials fedcred got for it expire; null when none
 * @param written         whether the file the tools read holds credentials fedcred wrote for this
 *                        target, by fedcred's ownership marker (the same test renewal uses)
 * @param credentialsFile where its credentials go: the shared credentials file (AWS), the ADC file (GCP)
 * @param presentation    what the desktop window's row says about it, in its kind's words
 */
public record TargetSnapshot(Target target, String kindId, boolean builtIn, String issuerName, String issuerProblem,
                             Instant expiration, boolean written, Path credentialsFile,
                             TargetPresentation presentation) {

    public String name() {
        return target.name();
    }
}
