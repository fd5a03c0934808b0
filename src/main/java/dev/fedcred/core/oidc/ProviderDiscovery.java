package dev.fedcred.core.oidc;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import dev.fedcred.core.net.LoopbackHosts;
import dev.fedcred.core.net.Deadline;
import dev.fedcred.core.net.Replies;
import dev.fedcred.core.net.ReplyTooLargeException;
import dev.fedcred.core.text.OutsideText;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * OpenID Connect discovery (the issuer's {@code /.well-known/openid-configuration}, whose
 * {@code issuer} must equal the configured one and whose endpoints must be https, see
 * {@link DiscoveredEndpoints}), read within a size limit and a deadline, remembered per issuer for
 * the life of the process. The JWKS source caches keys and refetches when a token names a key it has not seen,
 * which is how issuers rotate keys.
 */
public final class ProviderDiscovery {
    static final String DOCUMENT = "OpenID Connect discovery document";

    /** The whole of one discovery or JWKS request. */
    private final Duration timeout;
    private final Map<URI, DiscoveredProvider> providers = new ConcurrentHashMap<>();

    public ProviderDiscovery(Duration timeout) {
        this.timeout = timeout;
    }

    public DiscoveredProvider discover(URI issuer) {
        DiscoveredProvider known = providers.get(issuer);
        if (known != null) {
            return known;
        }
        DiscoveredProvider fresh = fetch(issuer);
        providers.put(issuer, fresh);
        return fresh;
    }

    private DiscoveredProvider fetch(URI issuer) {
        OIDCProviderMetadata metadata;
        try {
            URL documentUrl = OIDCProviderMetadata.resolveURL(new Issuer(issuer));
            HTTPResponse response = new HTTPRequest(HTTPRequest.Method.GET, documentUrl)
                    .send(new BoundedHttpSender(DOCUMENT, timeout));
            if (response.getStatusCode() != HTTPResponse.SC_OK) {
                throw new GeneralException("HTTP " + response.getStatusCode() + " from " + documentUrl);
            }
            metadata = OIDCProviderMetadata.parse(response.getBodyAsJSONObject());
            if (!new Issuer(issuer).equals(metadata.getIssuer())) {
                throw new GeneralException("its issuer is " + metadata.getIssuer() + ", not " + issuer);
            }
        } catch (IOException e) {
            ReplyTooLargeException tooLarge = Replies.tooLarge(e);
            if (tooLarge != null) {
                throw tooLarge;
            }
            if (Replies.deadlineReached(e)) {
                throw new IssuerUnreachableException("The issuer " + issuer + " did not answer within "
                        + Deadline.shown(timeout) + ". Check the network and the issuer URL" + sandboxHint(issuer) + ".", e);
            }
            throw new IssuerUnreachableException("Cannot reach the issuer " + issuer + " (" + describe(e)
                    + "). Check the network and the issuer URL" + sandboxHint(issuer) + ".", e);
        } catch (GeneralException e) {
            throw new IssuerUnreachableException("The issuer " + issuer + " has no usable OpenID Connect discovery"
                    + " document (" + OutsideText.shown(e.getMessage()) + "). Check the issuer URL.", e);
        }
        if (metadata.getJWKSetURI() == null || metadata.getTokenEndpointURI() == null
                || metadata.getAuthorizationEndpointURI() == null) {
            throw new IssuerUnreachableException("The issuer " + issuer
                    + " does not publish an authorization endpoint, token endpoint and JWKS; it cannot be used.");
        }
        DiscoveredEndpoints.requireSecure(issuer, metadata);
        return new DiscoveredProvider(metadata, keySource(metadata.getJWKSetURI()));
    }

    private JWKSource<SecurityContext> keySource(URI jwksUri) {
        try {
            return JWKSourceBuilder.<SecurityContext>create(jwksUri.toURL(), new BoundedKeysRetriever(timeout))
                    .retrying(true)
                    .build();
        } catch (MalformedURLException e) {
            throw new IssuerUnreachableException("The issuer's jwks_uri " + jwksUri + " is not a valid URL.", e);
        }
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static String sandboxHint(URI issuer) {
        return LoopbackHosts.isLoopback(issuer.getHost())
                ? "; for the sandbox issuer, start it first with `fedcred sandbox`" : "";
    }
}
