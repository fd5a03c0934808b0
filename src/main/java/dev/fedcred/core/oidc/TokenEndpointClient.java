package dev.fedcred.core.oidc;

import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.token.Tokens;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import dev.fedcred.core.net.Deadline;
import dev.fedcred.core.net.Replies;
import dev.fedcred.core.net.ReplyTooLargeException;
import dev.fedcred.core.text.OutsideText;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * Calls the token endpoint for the code, refresh and device-code grants. A public client sends only its
 * client ID; one with a secret authenticates with the method the issuer advertises, preferring
 * HTTP Basic as RFC 6749 does.
 */
public final class TokenEndpointClient {

    /** What the token endpoint returned; the ID token is null when the provider sent none. */
    public record TokenResponseTokens(String idToken, String refreshToken) {
        @Override
        public String toString() {
            return "TokenResponseTokens[idToken=" + (idToken == null ? "none" : "present")
                    + ", refreshToken=" + (refreshToken == null ? "none" : "present") + "]";
        }
    }

    static final String WHAT = "token endpoint reply";

    /** The whole of one token request: connecting, sending and reading the reply. */
    private final Duration timeout;

    public TokenEndpointClient(Duration timeout) {
        this.timeout = timeout;
    }

    /**
     * The token endpoint's answer to one request: the tokens, or the OAuth error it gave. The device
     * grant reads the error (authorization_pending, slow_down) as "not yet"; every other grant
     * treats it as a refusal through {@link #exchange}.
     */
    record Answer(TokenResponseTokens tokens, ErrorObject error) {
        String errorCode() {
            return error == null || error.getCode() == null ? "unknown_error" : error.getCode();
        }
    }

    public TokenResponseTokens exchange(OIDCProviderMetadata provider, IssuerConfig issuer, AuthorizationGrant grant) {
        Answer answer = ask(provider, issuer, grant);
        if (answer.tokens() == null) {
            throw rejection(answer.error());
        }
        return answer.tokens();
    }

    Answer ask(OIDCProviderMetadata provider, IssuerConfig issuer, AuthorizationGrant grant) {
        URI endpoint = provider.getTokenEndpointURI();
        ClientAuthentication auth = clientAuthentication(provider, issuer);
        TokenRequest request = auth != null
                ? new TokenRequest(endpoint, auth, grant, null)
                : new TokenRequest(endpoint, new ClientID(issuer.clientId()), grant, null);
        TokenResponse response = send(request.toHTTPRequest(), endpoint, timeout);
        if (!response.indicatesSuccess()) {
            return new Answer(null, response.toErrorResponse().getErrorObject());
        }
        Tokens tokens = response.toSuccessResponse().getTokens();
        String idToken = response instanceof OIDCTokenResponse oidc ? oidc.getOIDCTokens().getIDTokenString() : null;
        RefreshToken refresh = tokens.getRefreshToken();
        return new Answer(new TokenResponseTokens(idToken, refresh == null ? null : refresh.getValue()), null);
    }

    Duration timeout() {
        return timeout;
    }

    private static TokenResponse send(HTTPRequest http, URI endpoint, Duration timeout) {
        try {
            HTTPResponse response = http.send(new BoundedHttpSender(WHAT, timeout));
            return OIDCTokenResponseParser.parse(response);
        } catch (IOException e) {
            ReplyTooLargeException tooLarge = Replies.tooLarge(e);
            if (tooLarge != null) {
                throw tooLarge;
            }
            if (Replies.deadlineReached(e)) {
                throw new IssuerUnreachableException("The token endpoint " + endpoint + " did not answer within "
                        + Deadline.shown(timeout) + ". Check the network and sign in again.", e);
            }
            throw new IssuerUnreachableException("Cannot reach the token endpoint " + endpoint + " ("
                    + e.getClass().getSimpleName() + "). Check the network and sign in again.", e);
        } catch (ParseException e) {
            throw new IssuerUnreachableException("The token endpoint " + endpoint
                    + " answered with something that is not a token response (" + OutsideText.shown(e.getMessage())
                    + "). Check the issuer's settings and any proxy in between, then sign in again.", e);
        }
    }

    static TokenRequestException rejection(ErrorObject error) {
        return rejection("token endpoint", error);
    }

    /** The refusal of {@code endpoint} ("token endpoint", "device authorization endpoint"), in the user's words. */
    static TokenRequestException rejection(String endpoint, ErrorObject error) {
        String code = error == null || error.getCode() == null ? "unknown_error" : error.getCode();
        String description = error == null || error.getDescription() == null ? ""
                : " (" + OutsideText.shown(error.getDescription()) + ")";
        String advice = switch (code) {
            case "invalid_grant" -> "The code or refresh token is no longer valid; sign in again.";
            case "invalid_client", "unauthorized_client" ->
                    "Check this issuer's client ID and client secret in fedcred's settings.";
            default -> "Sign in again; if it repeats, check this issuer's settings.";
        };
        return new TokenRequestException("The issuer's " + endpoint + " refused the request: " + OutsideText.shown(code)
                + description + ". " + advice);
    }

    static ClientAuthentication clientAuthentication(OIDCProviderMetadata provider, IssuerConfig issuer) {
        if (issuer.clientSecret() == null) {
            return null;
        }
        ClientID id = new ClientID(issuer.clientId());
        Secret secret = new Secret(issuer.clientSecret());
        List<ClientAuthenticationMethod> supported = provider.getTokenEndpointAuthMethods();
        boolean basicAllowed = supported == null || supported.contains(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
        if (!basicAllowed && supported.contains(ClientAuthenticationMethod.CLIENT_SECRET_POST)) {
            return new ClientSecretPost(id, secret);
        }
        return new ClientSecretBasic(id, secret);
    }
}
