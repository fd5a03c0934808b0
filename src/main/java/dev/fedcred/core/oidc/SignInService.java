package dev.fedcred.core.oidc;

import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import dev.fedcred.core.text.OutsideText;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * The authorization code flow for native apps (RFC 8252) with PKCE S256, {@code state} and
 * {@code nonce}, as the OAuth security BCP asks, the device authorization grant (RFC 8628) for
 * computers whose browser cannot reach the loopback, plus the refresh grant.
 */
public final class SignInService {
    /** A compile-time constant, so the CLI can show it as a default without loading this class and Nimbus. */
    public static final long DEFAULT_TIMEOUT_SECONDS = 300;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(DEFAULT_TIMEOUT_SECONDS);
    /** The longest a device sign-in waits, whatever expires_in the issuer gives (Google's codes live 30 minutes). */
    public static final Duration MAX_DEVICE_CODE_WAIT = Duration.ofMinutes(30);

    private final ProviderDiscovery discovery;
    private final TokenEndpointClient tokens;
    private final IdTokenVerifier verifier;
    private final Clock clock;
    private final PollPause pause;

    public SignInService(ProviderDiscovery discovery, TokenEndpointClient tokens, IdTokenVerifier verifier, Clock clock) {
        this(discovery, tokens, verifier, clock, PollPause.SLEEP);
    }

    /** @param pause how the device sign-in waits between polls (tests move a clock instead of sleeping) */
    public SignInService(ProviderDiscovery discovery, TokenEndpointClient tokens, IdTokenVerifier verifier, Clock clock,
                         PollPause pause) {
        this.discovery = discovery;
        this.tokens = tokens;
        this.verifier = verifier;
        this.clock = clock;
        this.pause = pause;
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
     * Starts the device authorization grant (RFC 8628) for a computer whose browser cannot reach
     * the loopback receiver: asks the issuer for a device code and the code the user enters on
     * another computer. The page to enter it on comes from the issuer and is refused unless it is
     * https (plain http only for an issuer on this computer, the sandbox).
     *
     * @throws DeviceSignInUnsupportedException when the issuer's discovery document names no
     *                                          device_authorization_endpoint
     */
    public PendingDeviceSignIn beginDevice(IssuerConfig issuer) {
        DiscoveredProvider provider = discovery.discover(issuer.issuer());
        if (provider.metadata().getDeviceAuthorizationEndpointURI() == null) {
            throw new DeviceSignInUnsupportedException(issuer);
        }
        DeviceAuthorizationSuccessResponse answer = new DeviceAuthorizationClient(tokens.timeout()).request(provider, issuer);
        requirePage(issuer, answer.getVerificationURI(), "verification_uri");
        if (answer.getVerificationURIComplete() != null) {
            requirePage(issuer, answer.getVerificationURIComplete(), "verification_uri_complete");
        }
        Duration lifetime = Duration.ofSeconds(Math.min(Math.max(answer.getLifetime(), 0), MAX_DEVICE_CODE_WAIT.toSeconds()));
        DeviceCodePrompt prompt = new DeviceCodePrompt(answer.getUserCode().getValue(), answer.getVerificationURI(),
                answer.getVerificationURIComplete(), clock.instant().plus(lifetime));
        // Nimbus reads a missing interval as RFC 8628's default of 5 s; never poll more than once a second
        Duration interval = Duration.ofSeconds(Math.max(answer.getInterval(), 1));
        return new PendingDeviceSignIn(issuer, provider, answer.getDeviceCode(), prompt, interval, this, pause, clock);
    }

    /** Whether the issuer's discovery document lists a device_authorization_endpoint (asks the issuer). */
    public boolean offersDeviceSignIn(IssuerConfig issuer) {
        return discovery.discover(issuer.issuer()).metadata().getDeviceAuthorizationEndpointURI() != null;
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

    /**
     * The tokens of a finished sign-in (browser or device), their ID token verified: one rule for
     * both grants. {@code nonce} is the browser sign-in's; null for the device grant, which has no
     * authorization request to carry one.
     */
    TokenSet signedIn(IssuerConfig issuer, DiscoveredProvider provider,
                      TokenEndpointClient.TokenResponseTokens answer, String nonce) {
        if (answer.idToken() == null) {
            throw new IssuerUnreachableException("The issuer answered the sign-in without an ID token. Check that the"
                    + " issuer's scopes include \"openid\".");
        }
        return verifiedTokenSet(issuer, provider, answer.idToken(), answer.refreshToken(), nonce, null);
    }

    private static void requirePage(IssuerConfig issuer, URI page, String name) {
        if (!DiscoveredEndpoints.isSecureFor(issuer.issuer(), page)) {
            throw new InsecureEndpointException("The issuer " + issuer.label() + " names " + OutsideText.shown(page.toString())
                    + " as the page to enter the sign-in code (" + name + "). fedcred sends you only to https pages"
                    + " (plain http only for an issuer on this computer), so it will not show it. Ask the issuer's"
                    + " administrator to fix it, or sign in with the browser flow.");
        }
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
