package dev.fedcred.core.targets;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fedcred.core.FedcredException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registry of target kinds, built once by the composition root. The one place that maps a
 * target to its kind: everything else asks here instead of testing a target's class.
 */
public final class TargetKinds {
    private final List<TargetKind<?>> kinds;

    public TargetKinds(List<TargetKind<?>> kinds) {
        this.kinds = List.copyOf(kinds);
    }

    public List<TargetKind<?>> all() {
        return kinds;
    }

    public Optional<TargetKind<?>> byId(String id) {
        return kinds.stream().filter(kind -> kind.id().equals(id)).findFirst();
    }

    /** The target as the given class when its kind's targets are of that class; else empty. */
    public <T extends Target> Optional<T> as(Target target, Class<T> type) {
        TargetKind<?> kind = kindOf(target);
        return kind.targetClass() == type ? Optional.of(type.cast(target)) : Optional.empty();
    }

    /** The kind of the target with the kind's operations bound to it. */
    public Bound<?> of(Target target) {
        return bind(kindOf(target), target);
    }

    private TargetKind<?> kindOf(Target target) {
        return kinds.stream().filter(kind -> kind.targetClass() == target.getClass()).findFirst()
                .orElseThrow(() -> new FedcredException("fedcred has no kind for the target \"" + target.name()
                        + "\" (" + target.getClass().getSimpleName() + ")."));
    }

    private static <T extends Target> Bound<T> bind(TargetKind<T> kind, Target target) {
        return new Bound<>(kind, kind.targetClass().cast(target));
    }

    /** One target with its kind's operations, so callers need not know its class. */
    public record Bound<T extends Target>(TargetKind<T> kind, T target) {
        public String id() {
            return kind.id();
        }

        public void write(ObjectNode entry) {
            kind.write(target, entry);
        }

        public Map<TargetField, String> problems() {
            return kind.problems(target);
        }

        public Map<TargetField, String> problemsOnDisk() {
            return kind.problemsOnDisk(target);
        }

        public Optional<String> sourceName() {
            return kind.sourceName(target);
        }

        public TargetKind.Obtained obtain(boolean force) {
            return kind.obtain(target, force);
        }

        public Optional<Instant> cachedExpiry() {
            return kind.cachedExpiry(target);
        }

        public boolean writtenByFedcred() {
            return kind.writtenByFedcred(target);
        }

        public TargetKind.Removal removeWritten() {
            return kind.removeWritten(target);
        }

        public void forget() {
            kind.forget(target);
        }

        public Path credentialsFile() {
            return kind.credentialsFile(target);
        }

        public String writesTo() {
            return kind.writesTo(target);
        }

        public String identity() {
            return kind.identity(target);
        }

        public TargetPresentation presentation(Path credentialsFile) {
            return kind.presentation(target, credentialsFile);
        }

        public Optional<TargetPresentation.ReplaceQuestion> replaceQuestion(NotWrittenByFedcredException refusal) {
            return kind.replaceQuestion(target, refusal);
        }

        public List<Finding> check(CheckContext context) {
            return kind.check(target, context);
        }

        public TargetAction.Done perform(String actionId) {
            return kind.perform(target, actionId);
        }
    }
}
