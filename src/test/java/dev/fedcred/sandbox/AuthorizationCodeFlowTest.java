package dev.fedcred.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.claims.AccessTokenHash;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.validators.AccessTokenValidator;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The whole happy path, as a client would walk it, with the ID token checked by independent code. */
class AuthorizationCodeFlowTest {

    @Test
    void autoApprovedFlowYieldsIdTokenThatVerifiesAgainstServedJwks() throws Exception {
        try (SandboxServer server = SandboxServer.start(SandboxOptions.defaults().withPort(0).withAutoApprove(true))) {
            SandboxHttp http = new SandboxHttp(server);
            JsonNode discovery = SandboxHttp.json(http.get("/.well-known/openid-configuration"));
            String issuer = discovery.get("issuer").asText();

            SandboxHttp.Attempt attempt = SandboxHttp.Attempt.fresh();
            HttpResponse<String> redirect = http.authorize(SandboxHttp.authorizeParams(attempt));
            assertThat(redirect.statusCode()).isEqualTo(302);
            assertThat(SandboxHttp.location(redirect)).startsWith(SandboxHttp.REDIRECT_URI + "?");
            Map<String, String> callback = SandboxHttp.redirectQuery(redirect);
            assertThat(callback).containsEntry("state", attempt.state()).containsEntry("iss", issuer);

            HttpResponse<String> tokenResponse = http.postForm("/token",
                    SandboxHttp.codeRedemption(callback.get("code"), attempt));
            assertThat(tokenResponse.statusCode()).isEqualTo(200);
            assertThat(tokenResponse.headers().firstValue("Content-Type")).hasValue("application/json");
            assertThat(tokenResponse.headers().firstValue("Cache-Control")).hasValue("no-store");
            JsonNode tokens = SandboxHttp.json(tokenResponse);
            assertThat(tokens.get("token_type").asText()).isEqualTo("Bearer");
            assertThat(tokens.get("expires_in").asLong()).isEqualTo(3600);
            assertThat(tokens.get("scope").asText().split(" ")).containsExactlyInAnyOrder("openid", "email", "profile");
            assertThat(tokens.get("refresh_token").asText()).isNotBlank();
            String accessToken = tokens.get("access_token").asText();
            String idToken = tokens.get("id_token").asText();

            // Independent validation with the Nimbus OIDC SDK: signature via the served JWKS, iss,
            // aud, exp/iat, nonce; then at_hash against the access token from the same response.
            IDTokenValidator validator = new IDTokenValidator(new Issuer(issuer),
                    new ClientID(SandboxClient.CLIENT_ID), JWSAlgorithm.RS256,
                    new URL(discovery.get("jwks_uri").asText()));
            IDTokenClaimsSet claims = validator.validate(JWTParser.parse(idToken), new Nonce(attempt.nonce()));
            AccessTokenValidator.validate(new BearerAccessToken(accessToken), JWSAlgorithm.RS256,
                    claims.getAccessTokenHash());

            assertThat(claims.getIssuer().getValue()).isEqualTo(server.issuerUri().toString());
            assertThat(claims.getSubject().getValue()).isEqualTo(SandboxUser.SUBJECT);
            assertThat(claims.getAudience()).extracting(a -> a.getValue()).containsExactly(SandboxClient.CLIENT_ID);
            assertThat(claims.getStringClaim("azp")).isEqualTo(SandboxClient.CLIENT_ID);
            assertThat(claims.getStringClaim("email")).isEqualTo(SandboxUser.EMAIL);
            assertThat(claims.getBooleanClaim("email_verified")).isTrue();
            assertThat(claims.getStringClaim("name")).isEqualTo(SandboxUser.NAME);
            assertThat(claims.getStringClaim("given_name")).isEqualTo("Sandbox");
            assertThat(claims.getStringClaim("family_name")).isEqualTo("User");
            assertThat(claims.getStringClaim("locale")).isEqualTo("en");
            assertThat(claims.getStringClaim("picture")).startsWith("https://");
            assertThat(claims.getAuthenticationTime()).isNotNull();
            assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
                    .isEqualTo(Duration.ofHours(1));

            // Header: RS256, typ JWT, kid of the served key; and a bare signature check with that key.
            SignedJWT jwt = SignedJWT.parse(idToken);
            assertThat(jwt.getHeader().getType()).isEqualTo(JOSEObjectType.JWT);
            RSAKey served = (RSAKey) JWKSet.load(new URL(discovery.get("jwks_uri").asText())).getKeys().get(0);
            assertThat(jwt.getHeader().getKeyID()).isEqualTo(served.getKeyID());
            assertThat(jwt.verify(new RSASSAVerifier(served))).isTrue();
            assertThat(jwt.getJWTClaimsSet().getStringClaim("at_hash"))
                    .isEqualTo(AccessTokenHash.compute(new BearerAccessToken(accessToken), JWSAlgorithm.RS256, null).getValue());

            HttpResponse<String> userinfo = http.getWithBearer("/userinfo", accessToken);
            assertThat(userinfo.statusCode()).isEqualTo(200);
            JsonNode user = SandboxHttp.json(userinfo);
            assertThat(user.get("sub").asText()).isEqualTo(SandboxUser.SUBJECT);
            assertThat(user.get("email").asText()).isEqualTo(SandboxUser.EMAIL);
            assertThat(user.get("name").asText()).isEqualTo(SandboxUser.NAME);
        }
    }

    @Test
    void clickThroughSignInPageApprovesWithOpaqueRequestId() throws Exception {
        try (SandboxServer server = SandboxServer.start(SandboxOptions.defaults().withPort(0))) {
            SandboxHttp http = new SandboxHttp(server);
            SandboxHttp.Attempt attempt = SandboxHttp.Attempt.fresh();

            HttpResponse<String> page = http.authorize(SandboxHttp.authorizeParams(attempt));
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
            assertThat(page.body())
                    .contains("fedcred sandbox \u2014 not a real identity provider")
                    .contains("Sign in as Sandbox User")
                    .contains(">Deny<")
                    .contains(SandboxUser.EMAIL)
                    .contains("action=\"/authorize/decision\"")
                    // the form carries an opaque id, not the request's parameters
                    .doesNotContain(attempt.challenge())
                    .doesNotContain(attempt.state())
                    .doesNotContain(attempt.nonce());

            String requestId = SandboxHttp.pendingRequestId(page);
            HttpResponse<String> approved = http.postForm("/authorize/decision",
                    Map.of("request", requestId, "decision", "approve"));
            assertThat(approved.statusCode()).isEqualTo(302);
            Map<String, String> callback = SandboxHttp.redirectQuery(approved);
            assertThat(callback).containsEntry("state", attempt.state()).containsKey("code");

            HttpResponse<String> tokens = http.postForm("/token", SandboxHttp.codeRedemption(callback.get("code"), attempt));
            assertThat(tokens.statusCode()).isEqualTo(200);
            assertThat(SandboxHttp.json(tokens).has("id_token")).isTrue();

            // The pending request was answered; a second answer is refused without redirecting.
            HttpResponse<String> again = http.postForm("/authorize/decision",
                    Map.of("request", requestId, "decision", "approve"));
            assertThat(again.statusCode()).isEqualTo(400);
            assertThat(again.headers().firstValue("Location")).isEmpty();
        }
    }

    @Test
    void refreshGrantReturnsNewIdTokenForSameSubjectWithoutNonceAndKeepsRefreshToken() throws Exception {
        try (SandboxServer server = SandboxServer.start(SandboxOptions.defaults().withPort(0).withAutoApprove(true))) {
            SandboxHttp http = new SandboxHttp(server);
            SandboxHttp.Attempt attempt = SandboxHttp.Attempt.fresh();
            JsonNode first = SandboxHttp.json(http.postForm("/token",
                    SandboxHttp.codeRedemption(http.authorizeAndGetCode(attempt), attempt)));
            String refreshToken = first.get("refresh_token").asText();

            HttpResponse<String> refreshed = http.postForm("/token", Map.of(
                    "grant_type", "refresh_token",
                    "refresh_token", refreshToken,
                    "client_id", SandboxClient.CLIENT_ID));
            assertThat(refreshed.statusCode()).isEqualTo(200);
            assertThat(refreshed.headers().firstValue("Cache-Control")).hasValue("no-store");
            JsonNode second = SandboxHttp.json(refreshed);
            assertThat(second.get("access_token").asText()).isNotEqualTo(first.get("access_token").asText());
            // Google does not rotate refresh tokens and omits refresh_token from the refresh response.
            assertThat(second.has("refresh_token")).isFalse();
            String newIdToken = second.get("id_token").asText();
            assertThat(newIdToken).isNotEqualTo(first.get("id_token").asText());

            IDTokenValidator validator = new IDTokenValidator(new Issuer(server.issuerUri().toString()),
                    new ClientID(SandboxClient.CLIENT_ID), JWSAlgorithm.RS256,
                    new URL(server.endpoints().get("jwks")));
            IDTokenClaimsSet claims = validator.validate(JWTParser.parse(newIdToken), null);
            IDTokenClaimsSet original = validator.validate(JWTParser.parse(first.get("id_token").asText()),
                    new Nonce(attempt.nonce()));
            assertThat(claims.getSubject()).isEqualTo(original.getSubject());
            assertThat(claims.getNonce()).isNull();
            assertThat(claims.getAuthenticationTime()).isEqualTo(original.getAuthenticationTime());
            AccessTokenValidator.validate(new BearerAccessToken(second.get("access_token").asText()),
                    JWSAlgorithm.RS256, claims.getAccessTokenHash());

            // The same refresh token keeps working.
            HttpResponse<String> third = http.postForm("/token", Map.of(
                    "grant_type", "refresh_token", "refresh_token", refreshToken, "client_id", SandboxClient.CLIENT_ID));
            assertThat(third.statusCode()).isEqualTo(200);
            assertThat(http.getWithBearer("/userinfo", SandboxHttp.json(third).get("access_token").asText()).statusCode())
                    .isEqualTo(200);
        }
    }

    @Test
    void idTokenLifetimeFollowsTheOption() throws Exception {
        SandboxOptions options = SandboxOptions.defaults().withPort(0).withAutoApprove(true)
                .withIdTokenLifetime(Duration.ofMinutes(2));
        try (SandboxServer server = SandboxServer.start(options)) {
            SandboxHttp http = new SandboxHttp(server);
            SandboxHttp.Attempt attempt = SandboxHttp.Attempt.fresh();
            JsonNode tokens = SandboxHttp.json(http.postForm("/token",
                    SandboxHttp.codeRedemption(http.authorizeAndGetCode(attempt), attempt)));
            var claims = SignedJWT.parse(tokens.get("id_token").asText()).getJWTClaimsSet();
            assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
                    .isEqualTo(Duration.ofMinutes(2));
        }
    }

    @Test
    void clientSecretBasicAndPostAreAcceptedAndTheSecretIgnored() throws Exception {
        try (SandboxServer server = SandboxServer.start(SandboxOptions.defaults().withPort(0).withAutoApprove(true))) {
            SandboxHttp http = new SandboxHttp(server);

            SandboxHttp.Attempt basic = SandboxHttp.Attempt.fresh();
            Map<String, String> form = new java.util.LinkedHashMap<>(
                    SandboxHttp.codeRedemption(http.authorizeAndGetCode(basic), basic));
            form.remove("client_id");
            String credentials = Base64.getEncoder().encodeToString(
                    (SandboxClient.CLIENT_ID + ":anything").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertThat(http.postForm("/token", form, "Basic " + credentials).statusCode()).isEqualTo(200);

            SandboxHttp.Attempt post = SandboxHttp.Attempt.fresh();
            Map<String, String> withSecret = new java.util.LinkedHashMap<>(
                    SandboxHttp.codeRedemption(http.authorizeAndGetCode(post), post));
            withSecret.put("client_secret", "ignored-by-the-public-sandbox-client");
            assertThat(http.postForm("/token", withSecret).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void openidScopeAloneReleasesOnlyTheSubject() throws Exception {
        try (SandboxServer server = SandboxServer.start(SandboxOptions.defaults().withPort(0).withAutoApprove(true))) {
            SandboxHttp http = new SandboxHttp(server);
            SandboxHttp.Attempt attempt = SandboxHttp.Attempt.fresh();
            Map<String, String> params = new java.util.LinkedHashMap<>(SandboxHttp.authorizeParams(attempt));
            params.put("scope", "openid");
            String code = SandboxHttp.redirectQuery(http.authorize(params)).get("code");
            JsonNode tokens = SandboxHttp.json(http.postForm("/token", SandboxHttp.codeRedemption(code, attempt)));
            assertThat(tokens.get("scope").asText()).isEqualTo("openid");
            var claims = SignedJWT.parse(tokens.get("id_token").asText()).getJWTClaimsSet();
            assertThat(claims.getSubject()).isEqualTo(SandboxUser.SUBJECT);
            assertThat(claims.getClaims()).doesNotContainKeys("email", "name", "picture");
            JsonNode user = SandboxHttp.json(http.getWithBearer("/userinfo", tokens.get("access_token").asText()));
            assertThat(user.has("email")).isFalse();
        }
    }
}
