package dev.fedcred.core.oidc;

import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * The authorization code flow for native apps (RFC 8252) with PKCE S256, {@code state} and
 * {@code nonce}, as the OAuth security BCP asks, plus the refresh grant.
 */
public final class SignInService {
    /** A compile-time constant, so the CLI can show it as a default without loading this class and Nimbus. */
    public static final long DEFAULT_TIMEOUT_SECONDS = 300;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(DEFAULT_TIMEOUT_SECONDS);

    private final ProviderDiscovery discovery;
    private final TokenEndpointClient tokens;
    private final IdTokenVerifier verifier;
    private final Clock clock;

    public SignInService(ProviderDiscovery discovery, TokenEndpointClient tokens, IdTokenVerifier verifier, Clock clock) {
        this.discovery = discovery;
        this.tokens = tokens;
        this.verifier = verifier;
        this.clock = clock;
    }

    /** Discovers the issuer, starts the loopback receiver and builds the authorization URL. */
    public PendingSignIn begin(IssuerConfig issuer) {
        DiscoveredProvider provider = discovery.discover(issuer.issuer());
        State state = new State();
        Nonce nonce = new Nonce();
        CodeVerifier verifier = new CodeVerifier();
        LoopbackReceiver receiver = LoopbackReceiver.start(issuer.redirect(), state.getValue(),
                provider.metadata().getIssuer().getValue());
        try {
            AuthenticationRequest.Builder request = new AuthenticationRequest.Builder(
                    ResponseType.CODE, new Scope(issuer.scopes().toArray(String[]::new)),
                    new ClientID(issuer.clientId()), receiver.redirectUri())
                    .endpointURI(provider.metadata().getAuthorizationEndpointURI())
                    .state(state)
                    .nonce(nonce)
                    .codeChallenge(verifier, CodeChallengeMethod.S256);
            for (Map.Entry<String, String> extra : issuer.kind().extraAuthorizationParameters().entrySet()) {
                request.customParameter(extra.getKey(), extra.getValue());
            }
            URI uri = request.build().toURI();
            return new PendingSignIn(issuer, provider, receiver, uri, verifier, nonce.getValue(), this);
        } catch (RuntimeException e) {
            receiver.close();
            throw e;
        }
    }

    /**
     * Renews the ID token with the refresh token, without a browser. A provider that answers
     * without a new ID token leaves the current one in place (with a rotated refresh token if it
     * sent one); the caller sees that from the unchanged raw ID token.
     */
    public TokenSet refresh(IssuerConfig issuer, TokenSet current) {
        if (!current.hasRefreshToken()) {
            throw new TokenRequestException("There is no refresh token for " + issuer.label()
                    + "; sign in again in the browser.");
        }
        DiscoveredProvider provider = discovery.discover(issuer.issuer());
        RefreshTokenGrant grant = new RefreshTokenGrant(new RefreshToken(current.refreshToken()));
        TokenEndpointClient.TokenResponseTokens response = tokens.exchange(provider.metadata(), issuer, grant);
        String refreshToken = response.refreshToken() != null ? response.refreshToken() : current.refreshToken();
        if (response.idToken() == null) {
            return current.withRefreshToken(refreshToken);
        }
        return verifiedTokenSet(issuer, provider, response.idToken(), refreshToken, null, current.subject());
    }

    TokenEndpointClient tokens() {
        return tokens;
    }

    TokenSet verifiedTokenSet(IssuerConfig issuer, DiscoveredProvider provider, String idToken,
                              String refreshToken, String nonce, String subject) {
        IdTokenExpectations expected = new IdTokenExpectations(
                issuer.kind().acceptedIssuerClaims(issuer.issuer()), issuer.clientId(), nonce, subject);
        VerifiedIdToken verified = verifier.verify(idToken, expected, provider.keys());
        return new TokenSet(issuer.name(), verified.raw(), verified.header(), verified.claims(),
                verified.expiresAt(), clock.instant(), refreshToken);
    }
}
