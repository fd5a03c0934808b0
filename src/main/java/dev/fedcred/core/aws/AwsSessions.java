package dev.fedcred.core.aws;

import dev.fedcred.core.targets.Target;
import dev.fedcred.core.targets.TargetKinds;
import java.net.URI;
import java.util.Optional;

/** Finds a target's AWS session side, whatever its kind, so AWS-only callers never test a target's class. */
public final class AwsSessions {
    private AwsSessions() {
    }

    /** The target's AWS session operations; empty when its kind gives no AWS session (a GCP target). */
    public static Optional<AwsSession> of(TargetKinds kinds, Target target) {
        return bind(kinds.of(target));
    }

    /** The AWS session side of a target its own kind holds. */
    static <T extends Target> AwsSession of(AwsSessionKind<T> kind, T target) {
        return new Typed<>(kind, new TargetKinds.Bound<>(kind, target));
    }

    private static <T extends Target> Optional<AwsSession> bind(TargetKinds.Bound<T> bound) {
        if (!(bound.kind() instanceof AwsSessionKind<?> sessions)) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked") // the kind is the bound target's own kind
        AwsSessionKind<T> typed = (AwsSessionKind<T>) sessions;
        return Optional.of(new Typed<>(typed, bound));
    }

    /** One target's AWS session, whatever its kind. */
    public interface AwsSession {
        /** The target with its kind's general operations. */
        TargetKinds.Bound<?> bound();

        default Target target() {
            return bound().target();
        }

        default String name() {
            return target().name();
        }

        String profile();

        String region();

        URI stsEndpoint();

        AwsConsoleSignIn.Role consoleRole();

        Optional<AssumedRole> reusable();

        AssumedRole current();
    }

    private record Typed<T extends Target>(AwsSessionKind<T> kind, TargetKinds.Bound<T> bound) implements AwsSession {
        @Override
        public String profile() {
            return kind.profile(bound.target());
        }

        @Override
        public String region() {
            return kind.region(bound.target());
        }

        @Override
        public URI stsEndpoint() {
            return kind.stsEndpoint(bound.target());
        }

        @Override
        public AwsConsoleSignIn.Role consoleRole() {
            return kind.consoleRole(bound.target());
        }

        @Override
        public Optional<AssumedRole> reusable() {
            return kind.reusable(bound.target());
        }

        @Override
        public AssumedRole current() {
            return kind.current(bound.target());
        }
    }
}
