package dev.fedcred.core.kube;

import dev.fedcred.core.targets.Target;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A Kubernetes cluster that kubectl reaches with fedcred as its exec credential plugin. Where the
 * bearer token comes from is its source: another target's credentials (an AWS target: an EKS token;
 * a GCP target: a Google access token for GKE), or, with no source, the issuer's own ID token (a
 * cluster whose API server trusts the issuer, as with kubelogin). A target with a source signs in
 * through it, so {@link #issuer()} is null then ({@code TargetRegistry.issuerOf} follows the source).
 *
 * @param source               the AWS or GCP target the token is made from; null: the issuer's ID token
 * @param issuerName           the issuer of a target without a source (null: the default issuer)
 * @param cluster              the EKS cluster's name (signed into the token); the kubeconfig's cluster entry otherwise
 * @param server               the API server's URL, for the kubeconfig; null when not kept here
 * @param certificateAuthority the API server's CA file, for the kubeconfig; null: the system's CAs
 * @param context              the kubeconfig context's name; null: the target's name
 */
public record KubeTarget(String name, String source, String issuerName, String cluster, String server,
                         Path certificateAuthority, String context) implements Target {

    public KubeTarget {
        Objects.requireNonNull(name, "name");
        source = blankToNull(source);
        issuerName = source != null ? null : blankToNull(issuerName);
        cluster = blankToNull(cluster);
        server = blankToNull(server);
        context = blankToNull(context);
    }

    @Override
    public String issuer() {
        return issuerName;
    }

    /** The kubeconfig's context name. */
    public String contextName() {
        return context != null ? context : name;
    }

    /** The kubeconfig's cluster entry's name. */
    public String clusterName() {
        return cluster != null ? cluster : name;
    }

    @Override
    public String destination() {
        return "kubectl context " + contextName();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
