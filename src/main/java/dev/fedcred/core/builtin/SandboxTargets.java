package dev.fedcred.core.builtin;

import static dev.fedcred.core.settings.TargetRegistry.SANDBOX_AWS;
import static dev.fedcred.core.settings.TargetRegistry.SANDBOX_AWS_PROFILE;
import static dev.fedcred.core.settings.TargetRegistry.SANDBOX_AWS_ROLE;
import static dev.fedcred.core.settings.TargetRegistry.SANDBOX_GCP;
import static dev.fedcred.core.settings.TargetRegistry.SANDBOX_GCP_ADC_FILE;
import static dev.fedcred.core.settings.TargetRegistry.SANDBOX_GCP_POOL;
import static dev.fedcred.core.settings.TargetRegistry.SANDBOX_GCP_PROJECT_NUMBER;
import static dev.fedcred.core.settings.TargetRegistry.SANDBOX_GCP_PROVIDER;
import static dev.fedcred.core.settings.TargetRegistry.SANDBOX_GCP_SERVICE_ACCOUNT;

import dev.fedcred.core.aws.AwsRoleKind;
import dev.fedcred.core.aws.AwsRoleTarget;
import dev.fedcred.core.aws.chained.ChainedRoleKind;
import dev.fedcred.core.aws.chained.ChainedRoleTarget;
import dev.fedcred.core.gcp.GcpWorkloadKind;
import dev.fedcred.core.gcp.GcpWorkloadTarget;
import dev.fedcred.core.kube.KubeKind;
import dev.fedcred.core.kube.KubeTarget;
import dev.fedcred.core.oidc.IssuerConfig;
import dev.fedcred.core.settings.SandboxGcpEndpoints;
import dev.fedcred.core.targets.Target;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The built-in targets that use the sandbox issuer and emulators, so the whole flow works with no
 * cloud account. Here, above the kinds' packages, so that the settings (which hold the user's
 * targets) need not know any kind.
 */
public final class SandboxTargets {
    /** A role reached by role chaining from sandbox-aws's session, as the sandbox STS's trust table allows. */
    public static final String SANDBOX_AWS_CHAINED = "sandbox-aws-chained";
    public static final String SANDBOX_AWS_CHAINED_ROLE = "arn:aws:iam::000000000000:role/fedcred-sandbox-chained";
    public static final String SANDBOX_AWS_CHAINED_PROFILE = "fedcred-sandbox-chained";
    /** The sandbox's Kubernetes API server, reached with an EKS token from sandbox-aws's session. */
    public static final String SANDBOX_EKS = "sandbox-eks";
    public static final String SANDBOX_EKS_CLUSTER = "fedcred-sandbox-eks";
    /** The same API server with sandbox-gcp's access token, as GKE takes it. */
    public static final String SANDBOX_GKE = "sandbox-gke";
    /** The same API server with the sandbox issuer's ID token (audience: the sandbox client ID). */
    public static final String SANDBOX_OIDC = "sandbox-oidc";

    private SandboxTargets() {
    }

    /**
     * The id of the kind of the built-in target {@code name}, without building the targets (which
     * needs the sandbox issuer's settings): the cached {@code credential-process} asks it before
     * anything else is built. Empty for a name that is not built in.
     */
    public static Optional<String> kindIdOf(String name) {
        return Optional.ofNullable(switch (name) {
            case SANDBOX_AWS -> AwsRoleKind.ID;
            case SANDBOX_AWS_CHAINED -> ChainedRoleKind.ID;
            case SANDBOX_GCP -> GcpWorkloadKind.ID;
            case SANDBOX_EKS, SANDBOX_GKE, SANDBOX_OIDC -> KubeKind.ID;
            default -> null;
        });
    }

    public static List<Target> of(IssuerConfig sandboxIssuer, SandboxGcpEndpoints sandboxGcp) {
        URI stsEndpoint = URI.create(sandboxIssuer.issuer() + "/aws-sts");
        URI federationEndpoint = URI.create(sandboxIssuer.issuer() + "/federation");
        return List.of(new AwsRoleTarget(SANDBOX_AWS, SANDBOX_AWS_ROLE, SANDBOX_AWS_PROFILE, "us-east-1",
                        AwsRoleTarget.DEFAULT_DURATION, null, sandboxIssuer.name(), stsEndpoint, federationEndpoint),
                new ChainedRoleTarget(SANDBOX_AWS_CHAINED, SANDBOX_AWS, SANDBOX_AWS_CHAINED_ROLE, null, null,
                        ChainedRoleTarget.DEFAULT_DURATION, SANDBOX_AWS_CHAINED_PROFILE, "us-east-1", null),
                new GcpWorkloadTarget(SANDBOX_GCP, SANDBOX_GCP_PROJECT_NUMBER, SANDBOX_GCP_POOL, SANDBOX_GCP_PROVIDER,
                        SANDBOX_GCP_SERVICE_ACCOUNT, null, GcpWorkloadTarget.DEFAULT_LIFETIME,
                        sandboxGcp.caFile().resolveSibling(SANDBOX_GCP_ADC_FILE), sandboxIssuer.name(),
                        sandboxGcp.sts(), sandboxGcp.iamCredentials(), sandboxGcp.caFile()),
                new KubeTarget(SANDBOX_EKS, SANDBOX_AWS, null, SANDBOX_EKS_CLUSTER, sandboxGcp.kubernetes().toString(),
                        sandboxGcp.caFile(), null),
                new KubeTarget(SANDBOX_GKE, SANDBOX_GCP, null, "fedcred-sandbox-gke", sandboxGcp.kubernetes().toString(),
                        sandboxGcp.caFile(), null),
                new KubeTarget(SANDBOX_OIDC, null, sandboxIssuer.name(), "fedcred-sandbox-oidc",
                        sandboxGcp.kubernetes().toString(), sandboxGcp.caFile(), null));
    }
}
