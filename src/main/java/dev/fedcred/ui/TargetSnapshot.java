package dev.fedcred.ui;

import dev.fedcred.core.targets.Target;
import java.nio.file.Path;
import java.time.Instant;

/**
 * What the targets section read about one target, off the FX thread: no secrets, only when its
 * last credentials expire and whether its profile is in the credentials file.
 *
 * @param issuerName    the issuer that signs in for it; null when that cannot be resolved
 * @param issuerProblem why not, for people; null when resolved
 * @param expiration    when the last credentials fedcred got for it expire; null when none
 * @param profileInFile whether the credentials file has a section named like its profile (AWS), or
 *                      whether the ADC file exists (GCP)
 * @param credentialsFile where its credentials go: the shared credentials file (AWS), the ADC file (GCP)
 */
public record TargetSnapshot(Target target, boolean builtIn, String issuerName, String issuerProblem, Instant expiration,
                      boolean profileInFile, Path credentialsFile) {
}
