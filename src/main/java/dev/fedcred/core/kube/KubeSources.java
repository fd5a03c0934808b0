package dev.fedcred.core.kube;

import dev.fedcred.core.FedcredException;
import dev.fedcred.core.aws.AwsSessions;
import dev.fedcred.core.gcp.GcpAccessToken;
import dev.fedcred.core.gcp.GcpTokens;
import dev.fedcred.core.targets.Target;
import dev.fedcred.core.targets.TargetField;
import dev.fedcred.core.targets.TargetKinds;
import dev.fedcred.core.text.OutsideText;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A Kubernetes target's source, found among the targets: an AWS session (EKS), Google access
 * tokens (GKE), or none (the issuer's ID token). Asked by kind, never by a target's class.
 */
public final class KubeSources {
    private final Function<String, Optional<Target>> targets;
    private final Supplier<TargetKinds> kinds;

    /**
     * @param targets every target by name (the user's and the built-in ones)
     * @param kinds   the kinds of target, given late: this kind is one of them
     */
    public KubeSources(Function<String, Optional<Target>> targets, Supplier<TargetKinds> kinds) {
        this.targets = targets;
        this.kinds = kinds;
    }

    /** What the source is: one of these, or the problem that stops the target being used. */
    sealed interface Source {
        String label();
    }

    record Eks(AwsSessions.AwsSession session) implements Source {
        public String label() {
            return "EKS";
        }
    }

    record Gke(String name, Supplier<GcpAccessToken> tokens) implements Source {
        public String label() {
            return "GKE";
        }
    }

    record Oidc() implements Source {
        public String label() {
            return "OIDC";
        }
    }

    Source of(KubeTarget target) {
        Map<TargetField, String> problems = problems(target);
        if (!problems.isEmpty()) {
            throw new FedcredException("The Kubernetes target " + target.name() + " cannot be used: "
                    + problems.values().iterator().next());
        }
        return find(target).orElseThrow();
    }

    /** The source's label for the window and lists: "EKS via sandbox-aws"; reads settings. */
    String describe(KubeTarget target) {
        if (target.source() == null) {
            return "OIDC";
        }
        try {
            return find(target).map(Source::label).orElse("?") + " via " + target.source();
        } catch (RuntimeException unreadable) {
            return "via " + target.source();
        }
    }

    Map<TargetField, String> problems(KubeTarget target) {
        Map<TargetField, String> problems = new LinkedHashMap<>();
        if (target.source() == null) {
            return problems;
        }
        if (target.source().equals(target.name())) {
            problems.put(KubeForm.SOURCE, "A target cannot be its own source; name an AWS or GCP target.");
            return problems;
        }
        Optional<Target> source = targets.apply(target.source());
        if (source.isEmpty()) {
            problems.put(KubeForm.SOURCE, "There is no target named " + OutsideText.quoted(target.source())
                    + " to be the source; name an AWS or GCP target from `fedcred targets list`.");
        } else if (find(target).isEmpty()) {
            problems.put(KubeForm.SOURCE, "The source " + OutsideText.quoted(target.source()) + " is a "
                    + kinds.get().of(source.get()).kind().title() + " target; a Kubernetes target's source must be an"
                    + " AWS target (EKS) or a GCP target (GKE), or empty for the issuer's ID token.");
        } else if (find(target).get() instanceof Eks && target.cluster() == null) {
            problems.put(KubeForm.CLUSTER, "An EKS cluster needs its name: it is signed into the token.");
        }
        return problems;
    }

    Optional<Source> find(KubeTarget target) {
        if (target.source() == null) {
            return Optional.of(new Oidc());
        }
        Optional<Target> source = targets.apply(target.source());
        if (source.isEmpty()) {
            return Optional.empty();
        }
        Optional<AwsSessions.AwsSession> aws = AwsSessions.of(kinds.get(), source.get());
        if (aws.isPresent()) {
            return Optional.of(new Eks(aws.get()));
        }
        return GcpTokens.of(kinds.get(), source.get()).map(tokens -> new Gke(source.get().name(), tokens));
    }

    /** Who the source's credentials are for (its kind's identity: a role ARN, a service account). */
    String identityOfSource(KubeTarget target) {
        return targets.apply(target.source()).map(source -> kinds.get().of(source).identity()).orElse("?");
    }
}
