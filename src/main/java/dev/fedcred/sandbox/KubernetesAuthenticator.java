package dev.fedcred.sandbox;

import java.util.Optional;

/**
 * One of the API server's bearer-token authenticators. As in kube-apiserver's union of
 * authenticators, each says whether a token is one of its own and valid; the first that knows
 * the user wins, and a token none accepts is answered 401.
 */
interface KubernetesAuthenticator {

    /** The token's user, or empty if the token is not this authenticator's or does not verify. */
    Optional<KubernetesUser> authenticate(String token);
}
