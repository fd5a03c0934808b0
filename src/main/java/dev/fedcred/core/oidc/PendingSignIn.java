package dev.fedcred.core.oidc;

import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import java.net.URI;
import java.time.Duration;

/**
 * A sign-in waiting for the browser. Open {@link #authorizationUri()} in the user's browser,
 * then call {@link #complete(Duration)} on a background thread; {@link #cancel()} from any
 * thread stops the wait and releases the port.
 */
public final class PendingSignIn implements AutoCloseable {
    private final IssuerConfig issuer;
    private final DiscoveredProvider provider;
    private final LoopbackReceiver receiver;
    private final URI authorizationUri;
    private final CodeVerifier codeVerifier;
    private final String nonce;
    private final SignInService service;

    PendingSignIn(IssuerConfig issuer, DiscoveredProvider provider, LoopbackReceiver receiver,
                  URI authorizationUri, CodeVerifier codeVerifier, String nonce, SignInService service) {
        this.issuer = issuer;
        this.provider = provider;
        this.receiver = receiver;
        this.authorizationUri = authorizationUri;
        this.codeVerifier = codeVerifier;
        this.nonce = nonce;
        this.service = service;
    }

    public IssuerConfig issuer() {
        return issuer;
    }

    public URI authorizationUri() {
        return authorizationUri;
    }

    /** Whether the issuer also offers the device sign-in, for when no browser can reach the loopback. */
    public boolean offersDeviceSignIn() {
        return provider.metadata().getDeviceAuthorizationEndpointURI() != null;
    }

    public URI redirectUri() {
        return receiver.redirectUri();
    }

    /** Waits for the browser, redeems the code with the PKCE verifier and verifies the ID token. */
    public TokenSet complete(Duration timeout) {
        String code = receiver.awaitCode(timeout);
        AuthorizationCodeGrant grant = new AuthorizationCodeGrant(new AuthorizationCode(code), redirectUri(), codeVerifier);
        TokenEndpointClient.TokenResponseTokens tokens = service.tokens().exchange(provider.metadata(), issuer, grant);
        return service.signedIn(issuer, provider, tokens, nonce);
    }

    public void cancel() {
        receiver.cancel();
    }

    @Override
    public void close() {
        receiver.close();
    }
}
