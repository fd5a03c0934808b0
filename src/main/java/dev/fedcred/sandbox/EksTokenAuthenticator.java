package dev.fedcred.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * EKS tokens, checked the way aws-iam-authenticator's {@code pkg/token} Verify does: the token is
 * {@code k8s-aws-v1.} and the base64url (no padding) of a presigned STS GetCallerIdentity URL;
 * the URL's shape is checked (only the whitelisted query parameters, once each; the action; the
 * version; {@code x-k8s-aws-id} among the signed headers; X-Amz-Expires within 0..900; X-Amz-Date
 * at most 15 minutes old), then the URL is CALLED with the header {@code x-k8s-aws-id} set to this
 * cluster's name. STS, not this class, checks the signature: a token made for another cluster
 * signed another header value, so STS refuses it.
 *
 * <p>Where the real authenticator wants {@code https://sts.REGION.amazonaws.com/}, this one wants
 * the sandbox's own STS ({@code http://127.0.0.1:<port>/aws-sts}, or {@code /} where it also
 * answers) and nothing else: the sandbox must never be talked into requests elsewhere.
 */
final class EksTokenAuthenticator implements KubernetesAuthenticator {

    static final String PREFIX = "k8s-aws-v1.";
    static final String CLUSTER_ID_HEADER = "x-k8s-aws-id";
    /** aws-iam-authenticator's maxTokenLenBytes. */
    static final int MAX_TOKEN_LENGTH = 4 * 1024;
    /** Presigned STS URLs are good for 15 minutes after X-Amz-Date, whatever X-Amz-Expires says. */
    static final Duration PRESIGNED_URL_LIFETIME = Duration.ofMinutes(15);
    private static final Set<String> ALLOWED_PARAMETERS = Set.of("action", "version", "x-amz-algorithm",
            "x-amz-credential", "x-amz-date", "x-amz-expires", "x-amz-security-token", "x-amz-signature",
            "x-amz-signedheaders");
    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final System.Logger LOG = System.getLogger(EksTokenAuthenticator.class.getName());

    private final URI sts;
    private final String clusterName;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    /** @param sts the sandbox STS, {@code http://127.0.0.1:<port>/aws-sts} */
    EksTokenAuthenticator(URI sts, String clusterName, Clock clock) {
        this.sts = sts;
        this.clusterName = clusterName;
        this.clock = clock;
    }

    @Override
    public Optional<KubernetesUser> authenticate(String token) {
        if (token.length() > MAX_TOKEN_LENGTH || !token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        Optional<URI> url = presignedUrl(token.substring(PREFIX.length()));
        if (url.isEmpty() || !isSandboxSts(url.get())) {
            return Optional.empty();
        }
        Optional<Map<String, String>> query = queryOf(url.get().getRawQuery());
        if (query.isEmpty() || !hasValidShape(query.get())) {
            return Optional.empty();
        }
        return callerIdentity(url.get()).map(EksTokenAuthenticator::userOf);
    }

    private static Optional<URI> presignedUrl(String encoded) {
        try {
            // Raw URL alphabet without padding, as the token is made (Go's RawURLEncoding refuses padding too).
            if (encoded.indexOf('=') >= 0) {
                return Optional.empty();
            }
            return Optional.of(new URI(new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException | URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** Same scheme, host and port as the sandbox STS; the path one at which it answers; nothing else in the URL. */
    private boolean isSandboxSts(URI url) {
        String path = url.getRawPath();
        return sts.getScheme().equals(url.getScheme())
                && sts.getHost().equals(url.getHost())
                && sts.getPort() == url.getPort()
                && url.getRawUserInfo() == null
                && url.getRawFragment() == null
                && (sts.getRawPath().equals(path) || (sts.getRawPath() + "/").equals(path) || "/".equals(path));
    }

    /** Lower-cased names to values; empty if a name is not whitelisted, repeated in any case, or not decodable. */
    private static Optional<Map<String, String>> queryOf(String rawQuery) {
        if (rawQuery == null) {
            return Optional.empty();
        }
        Map<String, String> params = new HashMap<>();
        try {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8)
                        .toLowerCase(Locale.ROOT);
                String value = URLDecoder.decode(eq < 0 ? "" : pair.substring(eq + 1), StandardCharsets.UTF_8);
                if (!ALLOWED_PARAMETERS.contains(name) || params.putIfAbsent(name, value) != null) {
                    return Optional.empty();
                }
            }
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.of(params);
    }

    private boolean hasValidShape(Map<String, String> query) {
        if (!"GetCallerIdentity".equals(query.get("action")) || !AwsStsEmulator.VERSION.equals(query.get("version"))) {
            return false;
        }
        List<String> signedHeaders = List.of(query.getOrDefault("x-amz-signedheaders", "").split(";"));
        if (signedHeaders.stream().noneMatch(CLUSTER_ID_HEADER::equalsIgnoreCase)) {
            return false;
        }
        try {
            int expires = Integer.parseInt(query.getOrDefault("x-amz-expires", ""));
            if (expires < 0 || expires > PRESIGNED_URL_LIFETIME.toSeconds()) {
                return false;
            }
            Instant signedAt = AMZ_DATE.parse(query.getOrDefault("x-amz-date", ""), Instant::from);
            return !clock.instant().isAfter(signedAt.plus(PRESIGNED_URL_LIFETIME));
        } catch (NumberFormatException | DateTimeParseException e) {
            return false;
        }
    }

    /** GET the presigned URL with this cluster's name in {@code x-k8s-aws-id}; STS's answer if it was 200. */
    private Optional<JsonNode> callerIdentity(URI url) {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(Duration.ofSeconds(3))
                .header(CLUSTER_ID_HEADER, clusterName)
                .header("Accept", "application/json")
                .GET()
                .build();
        try {
            Optional<byte[]> body = BoundedReplies.okBody(http, request);
            if (body.isEmpty()) {
                return Optional.empty();
            }
            JsonNode result = JSON.readTree(body.get()).path("GetCallerIdentityResponse").path("GetCallerIdentityResult");
            return result.path("Arn").isTextual() ? Optional.of(result) : Optional.empty();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "the sandbox STS could not be asked about an EKS token: "
                    + e.getClass().getName());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /**
     * What EKS makes of an assumed-role session: the session's ARN as user name (an access entry's
     * default for a role, {@code arn:aws:sts::ACCOUNT:assumed-role/ROLE/{{SessionName}}}), the
     * mapped group, and aws-iam-authenticator's UID and extra attributes.
     */
    private static KubernetesUser userOf(JsonNode identity) {
        String arn = identity.path("Arn").asText();
        String account = identity.path("Account").asText();
        String[] userId = identity.path("UserId").asText().split(":", 2);
        String[] resource = arn.split(":", 6).length == 6 ? arn.split(":", 6)[5].split("/") : new String[0];
        Map<String, List<String>> extra = new HashMap<>();
        extra.put("arn", List.of(arn));
        if (resource.length == 3 && resource[0].equals("assumed-role")) {
            extra.put("canonicalArn", List.of("arn:aws:iam::" + account + ":role/" + resource[1]));
            extra.put("sessionName", List.of(resource[2]));
        }
        extra.put("principalId", List.of(userId[0]));
        return new KubernetesUser(arn, "aws-iam-authenticator:" + account + ":" + userId[0],
                List.of(SandboxKubernetes.EKS_GROUP, SandboxKubernetes.AUTHENTICATED), extra);
    }
}
