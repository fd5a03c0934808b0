package dev.fedcred.core.kube;

import dev.fedcred.core.oidc.IssuerConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * What the cluster's side needs so that it accepts the target's tokens, with the values fedcred
 * knows filled in: an EKS access entry (or the aws-auth mapping) for the source's role, a GKE IAM
 * binding for the source's service account, or the API server's OIDC flags for the issuer.
 * Placeholders in capitals are what fedcred cannot know.
 */
public final class KubeSetup {
    private final KubeSources sources;

    public KubeSetup(KubeSources sources) {
        this.sources = sources;
    }

    /**
     * @param issuer the issuer the target (or its source) signs in with
     */
    public List<String> lines(KubeTarget target, IssuerConfig issuer) {
        KubeSources.Source source = sources.of(target);
        List<String> lines = new ArrayList<>();
        if (source instanceof KubeSources.Eks eks) {
            String role = eks.session().bound().identity();
            String region = eks.session().region() != null ? eks.session().region() : "REGION";
            String cluster = target.cluster();
            lines.add("# EKS: let the role " + role + " into the cluster " + cluster + " with an access entry");
            lines.add("aws eks create-access-entry --cluster-name " + cluster + " --region " + region
                    + " --principal-arn " + role + " --type STANDARD");
            lines.add("aws eks associate-access-policy --cluster-name " + cluster + " --region " + region
                    + " --principal-arn " + role
                    + " --policy-arn arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy --access-scope type=cluster");
            lines.add("# or, on a cluster that still uses the aws-auth ConfigMap (kubectl edit -n kube-system configmap/aws-auth):");
            lines.add("#   mapRoles: |");
            lines.add("#     - rolearn: " + role);
            lines.add("#       username: fedcred:{{SessionName}}");
            lines.add("#       groups: [FEDCRED_GROUP]");
        } else if (source instanceof KubeSources.Gke gke) {
            String account = sources.identityOfSource(target);
            lines.add("# GKE: let the service account " + account + " use the cluster's API");
            lines.add("gcloud projects add-iam-policy-binding PROJECT_ID --member serviceAccount:" + account
                    + " --role roles/container.developer");
            lines.add("# finer access through Kubernetes RBAC: kubectl create rolebinding NAME --clusterrole=view"
                    + " --user=" + account + " --namespace NAMESPACE");
        } else {
            lines.add("# OIDC: the API server trusts the issuer " + issuer.issuer() + " (kube-apiserver flags)");
            lines.add("--oidc-issuer-url=" + issuer.issuer());
            lines.add("--oidc-client-id=" + issuer.clientId());
            lines.add("--oidc-username-claim=email");
            lines.add("--oidc-username-prefix=oidc:");
            lines.add("# then grant the user through RBAC:");
            lines.add("kubectl create clusterrolebinding fedcred-" + target.name() + "-view --clusterrole=view"
                    + " --user=oidc:YOUR_EMAIL");
        }
        return lines;
    }
}
