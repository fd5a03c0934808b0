package dev.fedcred.core.kube;

import dev.fedcred.core.targets.TargetField;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** The rules of a Kubernetes target's own settings, reading no file; the source is checked by {@link KubeSources}. */
final class KubeRules {
    /** EKS cluster names: letters, digits, hyphens and underscores, starting with a letter or digit, at most 100. */
    private static final Pattern CLUSTER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,99}");

    private KubeRules() {
    }

    static Map<TargetField, String> problems(KubeTarget target) {
        Map<TargetField, String> problems = new LinkedHashMap<>();
        if (target.cluster() != null && !CLUSTER.matcher(target.cluster()).matches()) {
            problems.put(KubeForm.CLUSTER, "A cluster name has letters, digits, hyphens and underscores (at most 100),"
                    + " starting with a letter or digit.");
        }
        if (target.server() != null) {
            serverProblem(target.server()).ifPresent(problem -> problems.put(KubeForm.SERVER, problem));
        }
        return problems;
    }

    static java.util.Optional<String> serverProblem(String server) {
        try {
            URI uri = URI.create(server);
            if (!"https".equals(uri.getScheme()) || uri.getHost() == null) {
                return java.util.Optional.of("The API server is an https URL, such as https://ABC.gr7.us-east-1.eks.amazonaws.com.");
            }
            return java.util.Optional.empty();
        } catch (IllegalArgumentException e) {
            return java.util.Optional.of("The API server is an https URL, such as https://ABC.gr7.us-east-1.eks.amazonaws.com.");
        }
    }
}
