package dev.fedcred.sandbox;

import java.util.List;
import java.util.Map;

/**
 * Who a bearer token belongs to, as a Kubernetes authenticator reports it (the {@code userInfo}
 * of a SelfSubjectReview or TokenReview).
 *
 * @param uid   null when the authenticator gives none (kube-apiserver's OIDC authenticator by default)
 * @param extra the authenticator's extra attributes, each a list of values
 */
record KubernetesUser(String username, String uid, List<String> groups, Map<String, List<String>> extra) {

    KubernetesUser {
        groups = List.copyOf(groups);
        extra = Map.copyOf(extra);
    }
}
