package dev.fedcred.sandbox;

import java.util.Set;

/**
 * A validated request to {@code /authorize}, kept while the user decides and then bound to the
 * authorization code it produces.
 *
 * @param grantedScopes the requested scopes the sandbox supports (always includes openid)
 * @param state         passed back untouched, may be null
 * @param nonce         copied into the first ID token, may be null
 * @param codeChallenge the S256 PKCE challenge the code verifier must match later
 */
record AuthorizationRequest(
        String clientId,
        String redirectUri,
        Set<String> grantedScopes,
        String state,
        String nonce,
        String codeChallenge) {

    AuthorizationRequest {
        grantedScopes = Set.copyOf(grantedScopes);
    }
}
