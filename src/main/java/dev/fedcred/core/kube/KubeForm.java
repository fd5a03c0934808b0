package dev.fedcred.core.kube;

import dev.fedcred.core.aws.AwsRoleKind;
import dev.fedcred.core.aws.chained.ChainedRoleKind;
import dev.fedcred.core.gcp.GcpWorkloadKind;
import dev.fedcred.core.targets.SettingInput;
import dev.fedcred.core.targets.TargetField;
import dev.fedcred.core.targets.TargetForm;
import dev.fedcred.core.targets.TargetSetting;
import java.util.List;
import java.util.Set;

/**
 * The settings of a Kubernetes target, for the window's dialog and the command line. The source
 * decides the token: an AWS target (EKS, with the cluster's name), a GCP target (GKE), or none (the
 * issuer's own ID token, for an API server that trusts the issuer).
 */
final class KubeForm {
    static final TargetField SOURCE = new TargetField("source");
    static final TargetField CLUSTER = new TargetField("cluster");
    static final TargetField SERVER = new TargetField("server");
    static final TargetField CERTIFICATE_AUTHORITY = new TargetField("certificate_authority");
    static final TargetField CONTEXT = new TargetField("context");

    private KubeForm() {
    }

    static TargetForm of() {
        return new TargetForm("prod-eks, dev-gke, …", List.of(
                TargetSetting.optional(SOURCE, "Source target", "the AWS target (EKS) or GCP target (GKE) the token is"
                                + " made from; empty: the issuer's own ID token (an OIDC cluster)")
                        .withInput(new SettingInput.TargetChoice(Set.of(AwsRoleKind.ID, ChainedRoleKind.ID,
                                GcpWorkloadKind.ID)))
                        .withHint("EKS: an AWS target; GKE: a GCP target; empty: the issuer's ID token (OIDC)."),
                TargetSetting.ISSUER,
                TargetSetting.optional(CLUSTER, "Cluster", "the cluster's name (required for EKS: it is signed into"
                                + " the token)").withPlaceholder("prod")
                        .withHint("For EKS the cluster's name as AWS knows it; also the kubeconfig's cluster entry."),
                TargetSetting.optional(SERVER, "API server", "the API server's https URL, for `fedcred kube config`")
                        .withPlaceholder("https://…"),
                TargetSetting.optional(CERTIFICATE_AUTHORITY, "CA file", "the API server's CA certificate (PEM), for"
                        + " `fedcred kube config`").withPlaceholder("the system's CAs"),
                TargetSetting.optional(CONTEXT, "Context", "the kubectl context's name (default: the target's name)")
                        .withPlaceholder("the target's name")),
                texts -> texts.isSet(TargetField.NAME) ? "kubectl runs `fedcred kube credential " + texts.text(TargetField.NAME)
                        + "` for its token" : "", Set.of(SOURCE));
    }
}
