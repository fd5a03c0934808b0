package dev.fedcred.core.gcp;

import dev.fedcred.core.targets.Target;
import dev.fedcred.core.targets.TargetKinds;
import java.util.Optional;
import java.util.function.Supplier;

/** Finds a target's Google access tokens, whatever its kind, so callers never test a target's class. */
public final class GcpTokens {
    private GcpTokens() {
    }

    /** The target's access-token source; empty when its kind gives no Google access token (an AWS target). */
    public static Optional<Supplier<GcpAccessToken>> of(TargetKinds kinds, Target target) {
        return bind(kinds.of(target));
    }

    private static <T extends Target> Optional<Supplier<GcpAccessToken>> bind(TargetKinds.Bound<T> bound) {
        if (!(bound.kind() instanceof GcpTokenKind<?> tokens)) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked") // the kind is the bound target's own kind
        GcpTokenKind<T> typed = (GcpTokenKind<T>) tokens;
        return Optional.of(() -> typed.currentAccessToken(bound.target()));
    }
}
