package dev.fedcred.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A small Kubernetes API server under {@value SandboxKubernetes#PATH} on the GCP emulator's HTTPS
 * listener: discovery enough for kubectl ({@code /api}, {@code /apis} with authentication.k8s.io/v1,
 * {@code /version}) and SelfSubjectReview, what {@code kubectl auth whoami} calls. Every request
 * is authenticated first, by bearer token through the {@link KubernetesAuthenticator}s (EKS, GKE,
 * OIDC); without a token that one of them accepts it is 401 with the Status object kube-apiserver
 * sends (anonymous requests are refused, as with {@code --anonymous-auth=false}).
 *
 * <p>Replies are JSON made by Jackson, so a claim or email cannot break out of its string; no
 * request text is echoed back.
 */
final class KubernetesApiServer implements SandboxEmulator {

    static final String GIT_VERSION = "v1.32.0-fedcred-sandbox";
    private static final String GROUP = "authentication.k8s.io";
    private static final String GROUP_VERSION = GROUP + "/v1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> ROOT_PATHS = List.of("/version", "/api", "/apis");
    /** Kubernetes' protobuf envelope starts with these four bytes. */
    private static final byte[] PROTOBUF_MAGIC = {'k', '8', 's', 0};
    private static final String PROTOBUF = "application/vnd.kubernetes.protobuf";

    private final String baseUrl;
    private final String caFile;
    private final String serverAddress;
    private final List<KubernetesAuthenticator> authenticators;

    /**
     * @param listenerUrl {@code https://127.0.0.1:<port>}, the HTTPS listener's base
     * @param caFile      the CA file clients must trust (the GCP emulator's)
     */
    KubernetesApiServer(String listenerUrl, String caFile, List<KubernetesAuthenticator> authenticators) {
        this.baseUrl = listenerUrl + SandboxKubernetes.PATH;
        this.caFile = caFile;
        this.serverAddress = listenerUrl.substring(listenerUrl.indexOf("://") + 3);
        this.authenticators = List.copyOf(authenticators);
    }

    /**
     * Under {@value SandboxKubernetes#PATH}, and also at the root paths {@code /version},
     * {@code /api} and {@code /apis}: kubectl 1.32's {@code get --raw PATH} sends PATH from the
     * host's root, dropping the server URL's path, so {@code kubectl get --raw /version} asks for
     * {@code /version}. None of these clash with the GCP emulator's {@code /v1/}.
     */
    @Override
    public void register(HttpServer server) {
        server.createContext(SandboxKubernetes.PATH, HttpExchanges.guarded(this::handle));
        for (String rootPath : ROOT_PATHS) {
            server.createContext(rootPath, HttpExchanges.guarded(this::handle));
        }
    }

    @Override
    public void describeEndpoints(Map<String, String> endpoints) {
        endpoints.put("kubernetes", baseUrl);
        endpoints.put("kubernetes-ca", caFile);
    }

    private void handle(HttpExchange exchange) throws IOException {
        // As the GCP emulator: one request per TLS connection (the JDK's HttpsServer can miss a
        // request on a kept-alive one); kubectl reconnects.
        exchange.getResponseHeaders().set("Connection", "close");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache, private");
        Optional<String> apiPath = apiPath(exchange.getRequestURI().getRawPath());
        if (apiPath.isEmpty()) {
            sendStatus(exchange, 404, "NotFound", "the server could not find the requested resource");
            return;
        }
        Optional<KubernetesUser> user = authenticate(exchange);
        if (user.isEmpty()) {
            sendStatus(exchange, 401, "Unauthorized", "Unauthorized");
            return;
        }
        String path = apiPath.get();
        if (path.endsWith("/") && path.length() > 1) {
            path = path.substring(0, path.length() - 1);
        }
        if (path.equals("/apis/" + GROUP_VERSION + "/selfsubjectreviews")) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                sendStatus(exchange, 405, "MethodNotAllowed", "the server does not allow this method on the requested resource");
                return;
            }
            selfSubjectReview(exchange, user.get());
            return;
        }
        Object document = switch (path) {
            case "/version" -> version();
            case "/api" -> apiVersions();
            case "/apis" -> Map.of("kind", "APIGroupList", "apiVersion", "v1", "groups", List.of(group()));
            case "/apis/" + GROUP -> group();
            case "/apis/" + GROUP_VERSION -> resourceList(GROUP_VERSION, List.of(selfSubjectReviews()));
            default -> null;
        };
        if (document == null) {
            sendStatus(exchange, 404, "NotFound", "the server could not find the requested resource");
        } else if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
            sendStatus(exchange, 405, "MethodNotAllowed", "the server does not allow this method on the requested resource");
        } else {
            HttpExchanges.sendJson(exchange, 200, document);
        }
    }

    /** The API path ({@code /version}, {@code /apis/...}) of a request under /k8s or at a root path; else empty. */
    private static Optional<String> apiPath(String rawPath) {
        if (rawPath.equals(SandboxKubernetes.PATH) || rawPath.startsWith(SandboxKubernetes.PATH + "/")) {
            return Optional.of(rawPath.substring(SandboxKubernetes.PATH.length()));
        }
        for (String rootPath : ROOT_PATHS) {
            if (rawPath.equals(rootPath) || rawPath.startsWith(rootPath + "/")) {
                return Optional.of(rawPath);
            }
        }
        return Optional.empty();
    }

    /** {@code Authorization: Bearer TOKEN}, tried against each authenticator in turn. */
    private Optional<KubernetesUser> authenticate(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String token = authorization.substring(7).trim();
        if (token.isEmpty()) {
            return Optional.empty();
        }
        for (KubernetesAuthenticator authenticator : authenticators) {
            Optional<KubernetesUser> user = authenticator.authenticate(token);
            if (user.isPresent()) {
                return user;
            }
        }
        return Optional.empty();
    }

    /**
     * The review's status is the caller's user. The request body must be a SelfSubjectReview in JSON,
     * or Kubernetes' protobuf (what kubectl sends), of which only the envelope's magic is checked:
     * a review's request has no field the answer depends on. The answer is JSON, which kubectl
     * also accepts.
     */
    private void selfSubjectReview(HttpExchange exchange, KubernetesUser user) throws IOException {
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        String mediaType = type == null ? "application/json" : type.toLowerCase(Locale.ROOT).split(";", 2)[0].trim();
        if (!mediaType.equals("application/json") && !mediaType.equals(PROTOBUF)) {
            sendStatus(exchange, 415, "UnsupportedMediaType", "the body of the request was in an unknown format"
                    + " - accepted media types include: application/json, " + PROTOBUF);
            return;
        }
        byte[] body;
        try {
            body = HttpExchanges.readBodyBytes(exchange);
        } catch (HttpExchanges.BadRequestException e) {
            sendStatus(exchange, 413, "RequestEntityTooLarge", "the request body is too large");
            return;
        }
        boolean wellFormed = mediaType.equals(PROTOBUF) ? startsWithProtobufMagic(body) : isSelfSubjectReview(body);
        if (body.length > 0 && !wellFormed) {
            sendStatus(exchange, 400, "BadRequest", "the request body must be an " + GROUP_VERSION + " SelfSubjectReview");
            return;
        }
        Map<String, Object> userInfo = new LinkedHashMap<>();
        userInfo.put("username", user.username());
        if (user.uid() != null) {
            userInfo.put("uid", user.uid());
        }
        userInfo.put("groups", user.groups());
        if (!user.extra().isEmpty()) {
            userInfo.put("extra", new java.util.TreeMap<>(user.extra()));
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("creationTimestamp", null);
        Map<String, Object> review = new LinkedHashMap<>();
        review.put("kind", "SelfSubjectReview");
        review.put("apiVersion", GROUP_VERSION);
        review.put("metadata", metadata);
        review.put("status", Map.of("userInfo", userInfo));
        HttpExchanges.sendJson(exchange, 201, review);
    }

    private static boolean startsWithProtobufMagic(byte[] body) {
        return body.length >= PROTOBUF_MAGIC.length
                && java.util.Arrays.equals(body, 0, PROTOBUF_MAGIC.length, PROTOBUF_MAGIC, 0, PROTOBUF_MAGIC.length);
    }

    private static boolean isSelfSubjectReview(byte[] body) {
        try {
            JsonNode review = JSON.readTree(body);
            return review != null && review.isObject()
                    && "SelfSubjectReview".equals(review.path("kind").asText("SelfSubjectReview"))
                    && GROUP_VERSION.equals(review.path("apiVersion").asText(GROUP_VERSION));
        } catch (IOException e) {
            return false;
        }
    }

    /** The Status object kube-apiserver sends with every failure, e.g. 401 {@code Unauthorized}. */
    static Map<String, Object> status(int code, String reason, String message) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("kind", "Status");
        status.put("apiVersion", "v1");
        status.put("metadata", Map.of());
        status.put("status", "Failure");
        status.put("message", message);
        status.put("reason", reason);
        if (code != 401) {
            status.put("details", Map.of());
        }
        status.put("code", code);
        return status;
    }

    private static void sendStatus(HttpExchange exchange, int code, String reason, String message) throws IOException {
        HttpExchanges.sendJson(exchange, code, status(code, reason, message));
    }

    private static Map<String, Object> version() {
        Map<String, Object> version = new LinkedHashMap<>();
        version.put("major", "1");
        version.put("minor", "32");
        version.put("gitVersion", GIT_VERSION);
        version.put("gitCommit", "0000000000000000000000000000000000000000");
        version.put("gitTreeState", "clean");
        version.put("buildDate", "2026-01-01T00:00:00Z");
        version.put("goVersion", "go1.23.0");
        version.put("compiler", "gc");
        version.put("platform", "linux/amd64");
        return version;
    }

    private Map<String, Object> apiVersions() {
        Map<String, Object> versions = new LinkedHashMap<>();
        versions.put("kind", "APIVersions");
        // No core group: it would have to list resources, and kubectl reports an empty list as an error.
        versions.put("versions", List.of());
        versions.put("serverAddressByClientCIDRs", List.of(Map.of("clientCIDR", "0.0.0.0/0", "serverAddress", serverAddress)));
        return versions;
    }

    private static Map<String, Object> group() {
        Map<String, Object> version = Map.of("groupVersion", GROUP_VERSION, "version", "v1");
        Map<String, Object> group = new LinkedHashMap<>();
        group.put("kind", "APIGroup");
        group.put("apiVersion", "v1");
        group.put("name", GROUP);
        group.put("versions", List.of(version));
        group.put("preferredVersion", version);
        return group;
    }

    private static Map<String, Object> selfSubjectReviews() {
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("name", "selfsubjectreviews");
        resource.put("singularName", "selfsubjectreview");
        resource.put("namespaced", false);
        resource.put("kind", "SelfSubjectReview");
        resource.put("verbs", List.of("create"));
        return resource;
    }

    private static Map<String, Object> resourceList(String groupVersion, List<Map<String, Object>> resources) {
        Map<String, Object> list = new LinkedHashMap<>();
        list.put("kind", "APIResourceList");
        list.put("apiVersion", "v1");
        list.put("groupVersion", groupVersion);
        list.put("resources", resources);
        return list;
    }
}
