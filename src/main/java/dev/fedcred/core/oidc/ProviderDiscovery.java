package dev.fedcred.core.oidc;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import dev.fedcred.core.net.LoopbackHosts;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * OpenID Connect discovery (the issuer's {@code /.well-known/openid-configuration}, whose
 * {@code issuer} must equal the configured one), remembered per issuer for the life of the
 * process. The JWKS source caches keys and refetches when a token names a key it has not seen,
 * which is how issuers rotate keys.
 */
public final class ProviderDiscovery {
    private static final int JWKS_SIZE_LIMIT_BYTES = 256 * 1024;

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
        int millis = (int) timeout.toMillis();
        OIDCProviderMetadata metadata;
        try {
            metadata = OIDCProviderMetadata.resolve(new Issuer(issuer), millis, millis);
        } catch (IOException e) {
            throw new IssuerUnreachableException("Cannot reach the issuer " + issuer + " (" + describe(e)
                    + "). Check the network and the issuer URL" + sandboxHint(issuer) + ".", e);
        } catch (GeneralException e) {
            throw new IssuerUnreachableException("The issuer " + issuer + " has no usable OpenID Connect discovery"
                    + " document (" + e.getMessage() + "). Check the issuer URL.", e);
        }
        if (metadata.getJWKSetURI() == null || metadata.getTokenEndpointURI() == null
                || metadata.getAuthorizationEndpointURI() == null) {
            throw new IssuerUnreachableException("The issuer " + issuer
                    + " does not publish an authorization endpoint, token endpoint and JWKS; it cannot be used.");
        }
        return new DiscoveredProvider(metadata, keySource(metadata.getJWKSetURI()));
    }

    private JWKSource<SecurityContext> keySource(URI jwksUri) {
        int millis = (int) timeout.toMillis();
        try {
            return JWKSourceBuilder.<SecurityContext>create(jwksUri.toURL(),
                            new DefaultResourceRetriever(millis, millis, JWKS_SIZE_LIMIT_BYTES))
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
