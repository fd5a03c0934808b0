package dev.fedcred.core.kube;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fedcred.core.launch.Launcher;
import dev.fedcred.core.targets.SettingsValues;
import dev.fedcred.core.targets.TargetEntry;
import dev.fedcred.core.targets.TargetField;
import dev.fedcred.core.targets.TargetForm;
import dev.fedcred.core.targets.TargetKind;
import dev.fedcred.core.targets.TargetPresentation;
import dev.fedcred.core.text.TimeLeft;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A Kubernetes cluster that kubectl reaches through fedcred's exec plugin ({@code fedcred kube
 * credential NAME}): the token comes from the source (EKS, GKE) or the issuer (OIDC) and is cached
 * for kubectl's next call. What fedcred writes is the kubeconfig's user, cluster and context
 * ({@code fedcred kube config}); the token itself is never written there.
 */
public final class KubeKind implements TargetKind<KubeTarget> {
    public static final String ID = "kubernetes";

    /** Built on first use, so reading the settings never builds the service. */
    private final Supplier<KubeCredentialService> service;
    private final KubeSources sources;
    private final KubeconfigFile kubeconfig;
    private final Clock clock;

    public KubeKind(Supplier<KubeCredentialService> service, KubeSources sources, KubeconfigFile kubeconfig, Clock clock) {
        this.service = service;
        this.sources = sources;
        this.kubeconfig = kubeconfig;
        this.clock = clock;
    }

    /** The kubeconfig user fedcred writes for a target. */
    public static String userName(KubeTarget target) {
        return "fedcred-" + target.name();
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Kubernetes cluster";
    }

    @Override
    public Class<KubeTarget> targetClass() {
        return KubeTarget.class;
    }

    @Override
    public TargetForm form() {
        return KubeForm.of();
    }

    @Override
    public KubeTarget read(TargetEntry entry) {
        return new KubeTarget(entry.name(), entry.optionalText(KubeForm.SOURCE.key()),
                entry.optionalText(TargetField.ISSUER.key()), entry.optionalText(KubeForm.CLUSTER.key()),
                entry.optionalText(KubeForm.SERVER.key()), entry.optional(KubeForm.CERTIFICATE_AUTHORITY.key(), Path::of),
                entry.optionalText(KubeForm.CONTEXT.key()));
    }

    @Override
    public void write(KubeTarget target, ObjectNode entry) {
        SettingsValues.putIfSet(entry, KubeForm.SOURCE.key(), target.source());
        SettingsValues.putIfSet(entry, KubeForm.CLUSTER.key(), target.cluster());
        SettingsValues.putIfSet(entry, KubeForm.SERVER.key(), target.server());
        SettingsValues.putIfSet(entry, KubeForm.CERTIFICATE_AUTHORITY.key(), target.certificateAuthority());
        SettingsValues.putIfSet(entry, KubeForm.CONTEXT.key(), target.context());
    }

    @Override
    public Map<TargetField, String> problems(KubeTarget target) {
        return KubeRules.problems(target);
    }

    /** The source lives in settings.json: whether it exists and is an AWS or GCP target. */
    @Override
    public Map<TargetField, String> problemsOnDisk(KubeTarget target) {
        return sources.problems(target);
    }

    @Override
    public Optional<String> sourceName(KubeTarget target) {
        return Optional.ofNullable(target.source());
    }

    @Override
    public Obtained obtain(KubeTarget target, boolean force) {
        KubeToken token = service.get().fresh(target);
        String notice = "Got a " + token.via() + " token for " + target.clusterName();
        List<String> report = new ArrayList<>(List.of("Got a " + token.via() + " token for the cluster "
                        + target.clusterName() + " as " + token.identity() + "; kubectl is told it expires "
                        + token.expiresAt() + " (in " + TimeLeft.between(clock.instant(), token.expiresAt()) + ").",
                "kubectl runs `" + Launcher.current().forPeople("kube", "credential", target.name()) + "` for it; add"
                        + " the user and context with `" + Launcher.current().forPeople("kube", "config", target.name())
                        + "`."));
        return new Obtained(token.expiresAt(), notice, report);
    }

    @Override
    public Optional<Instant> cachedExpiry(KubeTarget target) {
        return service.get().cached(target).map(KubeToken::expiresAt);
    }

    @Override
    public boolean writtenByFedcred(KubeTarget target) {
        return kubeconfig.hasFedcredUser(userName(target), target.name());
    }

    @Override
    public Removal removeWritten(KubeTarget target) {
        boolean removed = kubeconfig.remove(userName(target), target.name());
        return new Removal(removed ? "Removed the kubectl user " + userName(target) + " and its contexts from "
                + kubeconfig.path() + "." : "There was no kubectl user " + userName(target) + " written by fedcred in "
                + kubeconfig.path() + ".", false);
    }

    @Override
    public void forget(KubeTarget target) {
        service.get().forget(target);
    }

    @Override
    public Path credentialsFile(KubeTarget target) {
        return kubeconfig.path();
    }

    @Override
    public String writesTo(KubeTarget target) {
        return target.destination();
    }

    @Override
    public String identity(KubeTarget target) {
        return sources.describe(target) + (target.cluster() != null ? ", cluster " + target.cluster() : "");
    }

    @Override
    public TargetPresentation presentation(KubeTarget target, Path credentialsFile) {
        String source = sources.describe(target);
        List<TargetPresentation.Line> details = new ArrayList<>();
        details.add(new TargetPresentation.Line(source, "Token source: " + source));
        details.add(new TargetPresentation.Line("cluster " + target.clusterName(), "Kubernetes cluster " + target.clusterName()));
        if (target.server() != null) {
            details.add(new TargetPresentation.Line(target.server(), "API server " + target.server()));
        }
        return new TargetPresentation(details, "Get token", "Kubernetes token", "Remove kubectl user",
                "Getting a token for " + target.clusterName() + "…", "Removing the kubectl user…",
                new TargetPresentation.Question("Remove the kubectl user?", "Remove the user " + userName(target)
                        + " and its contexts from " + credentialsFile + "? Other users, clusters and contexts stay.",
                        "Remove the kubectl user", "Keep the kubectl user"),
                "the kubectl user " + userName(target) + " in " + credentialsFile,
                "fedcred holds a token, but " + credentialsFile + " has no user for it: run `"
                        + Launcher.current().forPeople("kube", "config", target.name()) + "`.");
    }
}
