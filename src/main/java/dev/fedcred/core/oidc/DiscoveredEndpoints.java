package dev.fedcred.core.oidc;

import dev.fedcred.core.net.LoopbackHosts;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import dev.fedcred.core.text.OutsideText;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The rule for the endpoints a discovery document names: https, or plain http on this computer
 * when the issuer itself is a loopback http issuer (the sandbox, a test server). Otherwise an https
 * issuer could send the authorization code and PKCE verifier, refresh tokens or the ID token's
 * keys over plain http, where anyone on the path can read or change them.
 */
final class DiscoveredEndpoints {
    private DiscoveredEndpoints() {
    }

    static void requireSecure(URI issuer, OIDCProviderMetadata metadata) {
        for (Map.Entry<String, URI> endpoint : named(metadata).entrySet()) {
            URI uri = endpoint.getValue();
            if (!isSecureFor(issuer, uri)) {
                throw new InsecureEndpointException("The issuer " + issuer + " names "
                        + OutsideText.shown(uri.toString()) + " as its " + endpoint.getKey() + " in its discovery"
                        + " document. fedcred sends codes and tokens only over https (plain http only to an issuer on"
                        + " this computer), so it will not use this issuer. Ask its administrator to publish https"
                        + " endpoints, and check that no proxy rewrites the discovery document.");
            }
        }
    }

    /**
     * Whether {@code issuer} may send its client (or its user) to {@code uri}: https, or plain http on
     * this computer for an issuer that is itself plain http on this computer.
     */
    static boolean isSecureFor(URI issuer, URI uri) {
        boolean loopbackHttpIssuer = isPlainHttp(issuer) && isLoopback(issuer);
        boolean secure = "https".equalsIgnoreCase(uri.getScheme());
        return secure || loopbackHttpIssuer && isPlainHttp(uri) && isLoopback(uri);
    }

    /** Every endpoint a client could be sent to, by its name in the discovery document. */
    private static Map<String, URI> named(OIDCProviderMetadata metadata) {
        Map<String, URI> endpoints = new LinkedHashMap<>();
        endpoints.put("authorization_endpoint", metadata.getAuthorizationEndpointURI());
        endpoints.put("token_endpoint", metadata.getTokenEndpointURI());
        endpoints.put("jwks_uri", metadata.getJWKSetURI());
        endpoints.put("userinfo_endpoint", metadata.getUserInfoEndpointURI());
        endpoints.put("device_authorization_endpoint", metadata.getDeviceAuthorizationEndpointURI());
        endpoints.put("revocation_endpoint", metadata.getRevocationEndpointURI());
        endpoints.put("introspection_endpoint", metadata.getIntrospectionEndpointURI());
        endpoints.put("end_session_endpoint", metadata.getEndSessionEndpointURI());
        endpoints.put("registration_endpoint", metadata.getRegistrationEndpointURI());
        endpoints.put("pushed_authorization_request_endpoint", metadata.getPushedAuthorizationRequestEndpointURI());
        endpoints.put("backchannel_authentication_endpoint", metadata.getBackChannelAuthenticationEndpointURI());
        endpoints.values().removeIf(java.util.Objects::isNull);
        return endpoints;
    }

    private static boolean isPlainHttp(URI uri) {
        return "http".equalsIgnoreCase(uri.getScheme());
    }

    /** The one loopback rule of fedcred (127.0.0.1, localhost, [::1]), judged from the URL alone. */
    static boolean isLoopback(URI uri) {
        return LoopbackHosts.isLoopback(uri.getHost());
    }
}
