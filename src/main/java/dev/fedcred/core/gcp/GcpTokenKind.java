package dev.fedcred.core.gcp;

import dev.fedcred.core.targets.Target;
import dev.fedcred.core.targets.TargetKind;

/**
 * A kind of target that gives Google access tokens: what a target made from a GCP target's
 * credentials (a GKE cluster's exec credential) needs, through {@link GcpTokens}.
 *
 * @param <T> the kind's target record
 */
public interface GcpTokenKind<T extends Target> extends TargetKind<T> {
    /** The cached access token while it has enough time left, else a new one. */
    GcpAccessToken currentAccessToken(T target);
}
