package dev.fedcred.sandbox;

/**
 * The sandbox's Kubernetes cluster: names fixed, so that fedcred's built-in targets and the docs
 * can name them before a sandbox runs. Its API server ({@link KubernetesApiServer}) lives under
 * {@value #PATH} on the GCP emulator's HTTPS listener.
 */
public final class SandboxKubernetes {

    /** The path prefix of the API server: kubectl's server URL is {@code https://127.0.0.1:<gcpPort>/k8s}. */
    public static final String PATH = "/k8s";
    /** The EKS cluster name: an EKS token's signed {@code x-k8s-aws-id} header must be exactly this. */
    public static final String EKS_CLUSTER_NAME = "fedcred-sandbox-eks";
    /**
     * The group an EKS access entry (or aws-auth mapping) gives the sandbox's assumed-role sessions,
     * besides {@value #AUTHENTICATED}.
     */
    public static final String EKS_GROUP = "fedcred-sandbox:eks-users";
    /** Every authenticated user's group, as kube-apiserver adds it. */
    public static final String AUTHENTICATED = "system:authenticated";
    /** The audience an OIDC ID token must carry: the API server's {@code --oidc-client-id}, the sandbox client. */
    public static final String OIDC_CLIENT_ID = SandboxClient.CLIENT_ID;

    private SandboxKubernetes() {
    }
}
