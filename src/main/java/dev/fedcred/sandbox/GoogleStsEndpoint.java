package dev.fedcred.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Google's Security Token Service, {@code POST /v1/token}: exchanges an OIDC ID token for a
 * federated access token (RFC 8693 token exchange) under a workload identity pool provider.
 *
 * <p>Checks, in this order: the request's shape, that the provider named by {@code audience}
 * exists, then the subject token: a JWT signed by the provider's issuer (keys fetched over
 * loopback only), unexpired, with an {@code aud} the provider allows, claims that map to a
 * {@code google.subject} of at most 127 bytes, and that meet the provider's attribute condition. Errors are OAuth-style JSON with HTTP 400, as
 * Google sends them.
 */
final class GoogleStsEndpoint {

    static final String PATH = "/v1/token";
    static final String TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
    static final String ACCESS_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:access_token";
    static final String JWT_TYPE = "urn:ietf:params:oauth:token-type:jwt";
    static final String ID_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:id_token";
    /** Federated tokens live an hour, as Google's do. */
    static final Duration LIFETIME = Duration.ofHours(1);
    /** Google's limit on the mapped {@code google.subject}, in UTF-8 bytes. */
    static final int MAX_SUBJECT_BYTES = 127;

    private static final Pattern WORKLOAD_PROVIDER = Pattern.compile(
            "//iam\\.googleapis\\.com/projects/([^/]+)/locations/([^/]+)/workloadIdentityPools/([^/]+)/providers/([^/]+)");
    /** Workforce pools are a valid audience shape; the sandbox just has none. */
    private static final Pattern WORKFORCE_PROVIDER = Pattern.compile(
            "//iam\\.googleapis\\.com/locations/[^/]+/workforcePools/[^/]+/providers/[^/]+");
    private static final String AUDIENCE_SHAPE = "Invalid value for \"audience\". This value should be the full "
            + "resource name of the Identity Provider. See https://cloud.google.com/iam/docs/reference/sts/rest/v1/"
            + "TopLevel/token for the list of possible formats.";
    private static final String NO_SUCH_PROVIDER = "The target service indicated by the \"audience\" parameters is "
            + "invalid. This might either be because the pool or provider is disabled or deleted or because it "
            + "doesn't exist.";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, GcpProvider> providersByName;
    private final IssuerSignedJwts jwts;
    private final GcpAccessTokens tokens;
    private final Clock clock;

    GoogleStsEndpoint(List<GcpProvider> providers, IssuerSignedJwts jwts, GcpAccessTokens tokens, Clock clock) {
        this.providersByName = providers.stream()
                .collect(Collectors.toUnmodifiableMap(GcpProvider::resourceName, Function.identity()));
        this.jwts = jwts;
        this.tokens = tokens;
        this.clock = clock;
    }

    void handle(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            HttpExchanges.sendMethodNotAllowed(exchange, "POST");
            return;
        }
        try {
            Map<String, Object> response = exchange(requestFields(exchange));
            HttpExchanges.sendNoStoreJson(exchange, 200, response);
        } catch (GcpError e) {
            HttpExchanges.sendNoStoreJson(exchange, e.httpStatus(), e.body());
        }
    }

    /**
     * The request's fields from a form body (what the auth libraries send) or a JSON body (what
     * the REST reference shows), under their snake_case names. JSON may use either proto3 JSON
     * spelling ({@code subjectToken} or {@code subject_token}), as Google's ESF accepts both.
     */
    private static Map<String, String> requestFields(HttpExchange exchange) throws IOException, GcpError {
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        String mediaType = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT).split(";", 2)[0].trim();
        byte[] body = HttpExchanges.readBodyBytes(exchange);
        Map<String, String> fields = new LinkedHashMap<>();
        if (mediaType.equals("application/json")) {
            JsonNode json;
            try {
                json = JSON.readTree(body);
            } catch (IOException e) {
                throw GcpError.oauth("invalid_request", "Invalid JSON payload received.");
            }
            if (json == null || !json.isObject()) {
                throw GcpError.oauth("invalid_request", "Invalid JSON payload received.");
            }
            json.fields().forEachRemaining(field -> {
                if (field.getValue().isValueNode()) {
                    fields.put(snakeCase(field.getKey()), field.getValue().asText());
                }
            });
        } else {
            Parameters form = HttpExchanges.parseForm(new String(body, StandardCharsets.UTF_8));
            for (String name : List.of("grant_type", "audience", "scope", "requested_token_type", "subject_token",
                    "subject_token_type", "actor_token", "actor_token_type", "options")) {
                String value = form.get(name);
                if (value != null) {
                    fields.put(name, value);
                }
            }
        }
        return fields;
    }

    private static String snakeCase(String name) {
        return name.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    private Map<String, Object> exchange(Map<String, String> request) throws GcpError {
        String grantType = request.get("grant_type");
        if (grantType == null) {
            throw GcpError.oauth("invalid_request", "Missing required parameter: grant_type.");
        }
        if (!TOKEN_EXCHANGE.equals(grantType)) {
            throw GcpError.oauth("unsupported_grant_type", "The grant_type \"" + grantType + "\" is not supported.");
        }
        String audience = request.get("audience");
        if (audience == null) {
            throw GcpError.oauth("invalid_request", "Missing required parameter: audience.");
        }
        Matcher provider = WORKLOAD_PROVIDER.matcher(audience);
        if (!provider.matches() && !WORKFORCE_PROVIDER.matcher(audience).matches()) {
            throw GcpError.oauth("invalid_request", AUDIENCE_SHAPE);
        }
        String requestedType = request.get("requested_token_type");
        if (!ACCESS_TOKEN_TYPE.equals(requestedType)) {
            throw GcpError.oauth("invalid_request", "Invalid value for \"requested_token_type\". Expected "
                    + ACCESS_TOKEN_TYPE + ".");
        }
        String subjectTokenType = request.get("subject_token_type");
        if (!JWT_TYPE.equals(subjectTokenType) && !ID_TOKEN_TYPE.equals(subjectTokenType)) {
            // The sandbox's providers are OIDC providers; SAML and AWS subject tokens have no provider here.
            throw GcpError.oauth("invalid_request", "Invalid value for \"subject_token_type\". An OIDC provider "
                    + "accepts " + JWT_TYPE + " or " + ID_TOKEN_TYPE + ".");
        }
        String subjectToken = request.get("subject_token");
        if (subjectToken == null || subjectToken.isEmpty()) {
            throw GcpError.oauth("invalid_request", "Missing required parameter: subject_token.");
        }
        GcpProvider target = providersByName.get(audience);
        if (target == null) {
            throw GcpError.oauth("invalid_target", NO_SUCH_PROVIDER);
        }
        String subject = verifiedSubject(subjectToken, target);
        List<String> scopes = request.get("scope") == null ? List.of()
                : Arrays.stream(request.get("scope").trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();

        GcpAccessTokens.Issued issued = tokens.issue(GcpAccessTokens.Kind.FEDERATED,
                SandboxGcp.principal(target.projectNumber(), target.poolId(), subject), target.poolName(), scopes,
                LIFETIME);
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("access_token", issued.value());
        response.put("issued_token_type", ACCESS_TOKEN_TYPE);
        response.put("token_type", "Bearer");
        response.put("expires_in", LIFETIME.toSeconds());
        return response;
    }

    /** Verifies the ID token for {@code provider} and returns its {@code google.subject}. */
    private String verifiedSubject(String token, GcpProvider provider) throws GcpError {
        JWTClaimsSet claims;
        try {
            SignedJWT jwt = IssuerSignedJwts.parseSigned(token);
            claims = IssuerSignedJwts.claims(jwt);
            String issuer = claims.getIssuer();
            if (!provider.issuerUrl().equals(issuer)) {
                throw GcpError.oauth("invalid_grant", "The issuer in ID Token " + issuer
                        + " does not match the expected ISSUER " + provider.issuerUrl() + ".");
            }
            jwts.verifySignature(jwt, issuer);
        } catch (JwtRejection e) {
            throw asGcpError(e);
        }
        Instant now = clock.instant();
        if (claims.getExpirationTime() == null) {
            throw GcpError.oauth("invalid_grant", "The ID Token must have an exp claim.");
        }
        Instant expiry = claims.getExpirationTime().toInstant();
        if (!now.isBefore(expiry)) {
            throw GcpError.oauth("invalid_grant", "The ID Token has expired: it expired at "
                    + expiry.getEpochSecond() + " and the current time is " + now.getEpochSecond() + ".");
        }
        List<String> audiences = claims.getAudience();
        List<String> accepted = provider.acceptedAudiences();
        if (audiences.stream().noneMatch(accepted::contains)) {
            throw GcpError.oauth("invalid_grant", "The audience in ID Token " + audiences
                    + " does not match the expected audience " + String.join(", ", accepted) + ".");
        }
        String subject = provider.mappedAttributes(claims.getClaims()).get("google.subject");
        if (subject == null || subject.isEmpty()) {
            throw GcpError.oauth("invalid_grant", "The mapped attribute google.subject must not be empty: the "
                    + "attribute mapping google.subject=" + provider.attributeMapping().get("google.subject")
                    + " found no such claim in the ID Token.");
        }
        if (subject.getBytes(StandardCharsets.UTF_8).length > MAX_SUBJECT_BYTES) {
            throw GcpError.oauth("invalid_grant", "The size of mapped attribute google.subject exceeds the "
                    + MAX_SUBJECT_BYTES + " bytes limit. Either modify your attribute mapping or the incoming "
                    + "assertion to produce a mapped attribute that is less than " + MAX_SUBJECT_BYTES + " bytes.");
        }
        if (!provider.conditionAccepts(claims.getClaims())) {
            // Google's code and wording for a token its provider's attribute condition rejects.
            throw GcpError.oauth("unauthorized_client", "The given credential is rejected by the attribute condition.");
        }
        return subject;
    }

    private static GcpError asGcpError(JwtRejection rejection) {
        return switch (rejection.reason()) {
            case NOT_A_JWT, NOT_SIGNED, CLAIMS_NOT_JSON ->
                    GcpError.oauth("invalid_grant", "Unable to parse the ID Token.");
            case UNSUPPORTED_ALGORITHM -> GcpError.oauth("invalid_grant",
                    "The ID Token is signed with an unsupported algorithm " + rejection.getMessage()
                            + "; use an RSA or EC algorithm.");
            // Google's wording when it cannot fetch the issuer's discovery document or keys.
            case ISSUER_UNREACHABLE -> GcpError.oauth("invalid_grant", "Error connecting to the given credential's issuer.");
            case NO_MATCHING_KEY, BAD_SIGNATURE -> GcpError.oauth("invalid_grant", "Invalid ID Token signature.");
        };
    }
}
