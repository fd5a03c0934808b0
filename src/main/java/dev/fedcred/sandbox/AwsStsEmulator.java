package dev.fedcred.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * AWS Security Token Service at {@code /aws-sts}, speaking the Query protocol the AWS SDKs and
 * CLI use for STS: form-encoded {@code Action} and {@code Version=2011-06-15} in, XML out.
 *
 * <p>Three actions: AssumeRoleWithWebIdentity (unsigned; the ID token is the credential),
 * AssumeRole (role chaining: signed with SigV4 by credentials this emulator issued, allowed by the
 * target role's trust policy document when it has one, else by the trust table {@link AwsRoleTrust})
 * and GetCallerIdentity (signed likewise). Errors carry the
 * codes, messages and HTTP statuses of real STS, so SDKs raise the same exception types.
 */
final class AwsStsEmulator implements SandboxEmulator {

    static final String PATH = "/aws-sts";
    static final String VERSION = "2011-06-15";
    static final Duration DEFAULT_SESSION_DURATION = Duration.ofHours(1);
    static final long MIN_DURATION_SECONDS = 900;
    static final long MAX_DURATION_SECONDS = 43_200;
    /** AWS caps a session reached by role chaining at one hour, whatever the role's maximum. */
    static final long MAX_CHAINED_DURATION_SECONDS = 3_600;

    private static final System.Logger LOG = System.getLogger(AwsStsEmulator.class.getName());

    private final String endpoint;
    private final AwsStsFaults faults = new AwsStsFaults();
    private final Map<String, AwsRole> rolesByArn = new ConcurrentHashMap<>();
    /** Roles whose trust policy is a document (start-up options or the admin call) rather than their AwsRole conditions. */
    private final Map<String, AwsTrustPolicy> trustPolicies = new ConcurrentHashMap<>();
    private final String sandboxIssuer;
    private final WebIdentityTokens webIdentityTokens;
    private final IssuedAwsCredentials credentials;
    private final SigV4Verifier sigV4;
    private final List<AwsRoleTrust> roleTrusts;

    /**
     * @param sandboxIssuer the sandbox's own issuer URL, trusted (with its client) when the options
     *                      name no providers, and by the default roles when they name no roles
     */
    AwsStsEmulator(String sandboxIssuer, SandboxOptions options, Clock clock) {
        this.endpoint = sandboxIssuer + PATH;
        Map<String, List<String>> providers = options.awsOidcProviders().isEmpty()
                ? Map.of(sandboxIssuer, List.of(SandboxClient.CLIENT_ID))
                : options.awsOidcProviders();
        List<AwsRole> roles = options.awsRoles().isEmpty() ? SandboxAws.defaultRoles(sandboxIssuer) : options.awsRoles();
        roles.forEach(role -> rolesByArn.put(role.arn(), role));
        this.sandboxIssuer = sandboxIssuer;
        options.awsTrustPolicies().forEach(this::putTrustPolicy);
        this.webIdentityTokens = new WebIdentityTokens(providers, new OidcProviderKeys(), clock);
        this.credentials = new IssuedAwsCredentials(clock);
        this.sigV4 = new SigV4Verifier(credentials, clock);
        this.roleTrusts = options.awsRoleTrusts().isEmpty() ? SandboxAws.defaultRoleTrusts() : options.awsRoleTrusts();
    }

    /**
     * Gives {@code roleArn} a trust policy document, adding the role (sessions up to 12 hours) if
     * the sandbox has none of that ARN.
     *
     * @throws IllegalArgumentException when the document is not a policy
     */
    void putTrustPolicy(String roleArn, String document) {
        AwsTrustPolicy policy = AwsTrustPolicy.parse(document);
        rolesByArn.computeIfAbsent(roleArn, arn -> new AwsRole(arn, sandboxIssuer, SandboxClient.CLIENT_ID, null,
                Duration.ofHours(12)));
        trustPolicies.put(roleArn, policy);
    }

    /**
     * The ARN of the role named {@code name} (the last part of its ARN); one in the sandbox's account
     * when there is none. A name with slashes is a path and a name, as IAM's ARNs carry them.
     */
    String roleArnNamed(String name) {
        if (name.contains("/")) {
            return "arn:aws:iam::" + SandboxAws.ACCOUNT_ID + ":role/" + name;
        }
        return rolesByArn.keySet().stream().filter(arn -> AwsArns.roleName(arn).equals(name)).sorted().findFirst()
                .orElse("arn:aws:iam::" + SandboxAws.ACCOUNT_ID + ":role/" + name);
    }

    AwsStsFaults faults() {
        return faults;
    }

    /** The sessions this STS handed out, which the federation endpoint accepts. */
    IssuedAwsCredentials issuedCredentials() {
        return credentials;
    }

    @Override
    public void register(HttpServer server) {
        server.createContext(PATH, HttpExchanges.guarded(this::handle));
    }

    @Override
    public void describeEndpoints(Map<String, String> endpoints) {
        endpoints.put("aws-sts", endpoint);
    }

    /**
     * A request to "/" that can only be meant for STS: a form POST, or a GET with an Action. The
     * server routes these here because the Java SDK v2 drops the endpoint's path (see SandboxServer).
     */
    boolean isQueryRequestAtRoot(HttpExchange exchange) {
        if (!"/".equals(exchange.getRequestURI().getRawPath())) {
            return false;
        }
        String query = exchange.getRequestURI().getRawQuery();
        return switch (exchange.getRequestMethod()) {
            case "POST" -> HttpExchanges.hasFormBody(exchange);
            case "GET" -> query != null && (query.startsWith("Action=") || query.contains("&Action="));
            default -> false;
        };
    }

    void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        // HttpServer contexts match by prefix; clients given ".../aws-sts" as endpoint may append a slash.
        if (!path.equals(PATH) && !path.equals(PATH + "/") && !isQueryRequestAtRoot(exchange)) {
            HttpExchanges.sendNotFound(exchange);
            return;
        }
        String method = exchange.getRequestMethod();
        if (!"POST".equals(method) && !"GET".equals(method)) {
            HttpExchanges.sendMethodNotAllowed(exchange, "GET, POST");
            return;
        }
        String requestId = UUID.randomUUID().toString();
        try {
            byte[] body = "POST".equals(method) ? HttpExchanges.readBodyBytes(exchange) : new byte[0];
            StsOddReply fault = faults.takeNext();
            if (fault != null) {
                fault.send(exchange, requestId);
                return;
            }
            Parameters params = parameters(exchange, body);
            String action = params.get("Action");
            if (action == null) {
                throw new StsError("MissingAction", "Missing Action", 400);
            }
            String version = params.get("Version");
            if (!VERSION.equals(version)) {
                throw StsError.invalidAction("Could not find operation " + action + " for version "
                        + (version == null ? "NO_VERSION_SPECIFIED" : version));
            }
            if ("GetCallerIdentity".equals(action) && acceptsJson(exchange)) {
                callerIdentityAsJson(exchange, body, requestId);
                return;
            }
            String response = switch (action) {
                case "AssumeRoleWithWebIdentity" -> assumeRoleWithWebIdentity(params, requestId);
                case "AssumeRole" -> assumeRole(exchange, body, params, requestId);
                case "GetCallerIdentity" -> getCallerIdentity(exchange, body, requestId);
                default -> throw StsError.invalidAction("Could not find operation " + action + " for version " + VERSION);
            };
            StsXml.send(exchange, 200, response, requestId);
        } catch (StsError e) {
            StsXml.send(exchange, e.httpStatus(), StsXml.error(e, requestId), requestId);
        } catch (HttpExchanges.BadRequestException e) {
            StsError error = e.status == 413
                    ? new StsError("RequestEntityTooLarge", "Request body too large", 413)
                    : new StsError("MalformedQueryString", "The query string or form body is not validly encoded", 400);
            StsXml.send(exchange, error.httpStatus(), StsXml.error(error, requestId), requestId);
        } catch (RuntimeException e) {
            // Only the type: a message could quote a token.
            LOG.log(System.Logger.Level.WARNING, "STS emulator failed: " + e.getClass().getName());
            StsError error = StsError.internalFailure();
            StsXml.send(exchange, error.httpStatus(), StsXml.error(error, requestId), requestId);
        }
    }

    /** The Query protocol takes parameters from the query string and, for a form POST, the body. */
    private static Parameters parameters(HttpExchange exchange, byte[] body) throws HttpExchanges.BadRequestException {
        String query = exchange.getRequestURI().getRawQuery();
        String form = body.length > 0 && HttpExchanges.hasFormBody(exchange)
                ? new String(body, StandardCharsets.UTF_8) : null;
        if (query == null) {
            return HttpExchanges.parseForm(form);
        }
        return HttpExchanges.parseForm(form == null ? query : query + "&" + form);
    }

    private String assumeRoleWithWebIdentity(Parameters params, String requestId) throws StsError {
        String roleArn = params.get("RoleArn");
        String sessionName = params.get("RoleSessionName");
        String token = params.get("WebIdentityToken");
        List<String> problems = new ArrayList<>();
        if (token == null) {
            problems.add("Value null at 'webIdentityToken' failed to satisfy constraint: Member must not be null");
        } else if (token.length() < 4) {
            // The value is not quoted back: it is a credential.
            problems.add("Value at 'webIdentityToken' failed to satisfy constraint: Member must have length greater than or equal to 4");
        }
        long durationSeconds = validateShape(roleArn, sessionName, params.get("DurationSeconds"), problems);

        WebIdentityTokens.VerifiedIdentity identity = webIdentityTokens.verify(token);
        AwsRole role = rolesByArn.get(roleArn);
        if (role == null || !trusts(role, identity, trustPolicies.get(roleArn))) {
            throw StsError.accessDenied();
        }
        if (durationSeconds > role.maxSessionDuration().toSeconds()) {
            throw StsError.validation("The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
        }
        // Policy, PolicyArns and ProviderId are accepted and ignored: the sandbox has no permissions to narrow.
        IssuedAwsCredentials.Issued issued = credentials.issue(role.arn(), sessionName, Duration.ofSeconds(durationSeconds));
        StsXml xml = StsXml.result("AssumeRoleWithWebIdentity")
                .element("SubjectFromWebIdentityToken", identity.subject())
                .element("Audience", identity.audience());
        return withSession(xml, issued)
                // STS reports the provider as IAM names it: the issuer without its scheme.
                .element("Provider", LoopbackUrls.providerName(identity.issuer()))
                .finish("AssumeRoleWithWebIdentity", requestId);
    }

    /**
     * Role chaining: the caller's signature first (so an unknown or tampered request learns nothing
     * about the roles), then the role's trust policy or the trust table, then AWS's one-hour cap on
     * chained sessions.
     */
    private String assumeRole(HttpExchange exchange, byte[] body, Parameters params, String requestId) throws StsError {
        String roleArn = params.get("RoleArn");
        String sessionName = params.get("RoleSessionName");
        String externalId = params.get("ExternalId");
        List<String> problems = new ArrayList<>();
        if (externalId != null && (externalId.length() < 2 || externalId.length() > 1224
                || !AwsArns.EXTERNAL_ID_CHARACTERS.matcher(externalId).matches())) {
            problems.add(constraint(externalId, "externalId", "Member must have length 2 to 1224 and satisfy regular"
                    + " expression pattern: [\\w+=,.@:\\/-]*"));
        }
        long durationSeconds = validateShape(roleArn, sessionName, params.get("DurationSeconds"), problems);
        IssuedAwsCredentials.Issued caller = sigV4.verify(exchange, body);
        AwsTrustPolicy policy = trustPolicies.get(roleArn);
        boolean allowed = policy != null ? policy.allows(chainingRequest(caller, params))
                : roleTrusts.stream().anyMatch(trust -> trust.allows(caller.roleArn(), roleArn, externalId));
        if (!allowed) {
            throw new StsError("AccessDenied", "User: " + caller.assumedRoleArn()
                    + " is not authorized to perform: sts:AssumeRole on resource: " + roleArn, 403);
        }
        if (durationSeconds > MAX_CHAINED_DURATION_SECONDS) {
            throw StsError.validation("The requested DurationSeconds exceeds the 1 hour session limit for roles"
                    + " assumed by role chaining.");
        }
        IssuedAwsCredentials.Issued issued = credentials.issue(roleArn, sessionName, Duration.ofSeconds(durationSeconds));
        return withSession(StsXml.result("AssumeRole"), issued).finish("AssumeRole", requestId);
    }

    /**
     * What IAM evaluates a role chaining request with: the caller by its role, its session, its
     * account (as root or bare ID); sts:AssumeRole, and sts:TagSession when the request passes
     * session tags; the keys sts:ExternalId, sts:RoleSessionName, aws:PrincipalArn (the role, not
     * the session) and aws:PrincipalAccount.
     */
    private static AwsTrustPolicy.Request chainingRequest(IssuedAwsCredentials.Issued caller, Parameters params) {
        List<String> principals = List.of(caller.roleArn(), caller.assumedRoleArn(),
                "arn:aws:iam::" + caller.accountId() + ":root", caller.accountId());
        List<String> actions = params.get("Tags.member.1.Key") == null && params.get("TransitiveTagKeys.member.1") == null
                ? List.of("sts:AssumeRole") : List.of("sts:AssumeRole", "sts:TagSession");
        Map<String, List<String>> context = new LinkedHashMap<>();
        if (params.get("ExternalId") != null) {
            context.put("sts:externalid", List.of(params.get("ExternalId")));
        }
        context.put("sts:rolesessionname", List.of(params.get("RoleSessionName")));
        context.put("aws:principalarn", List.of(caller.roleArn()));
        context.put("aws:principalaccount", List.of(caller.accountId()));
        return new AwsTrustPolicy.Request("AWS", principals, actions, context);
    }

    /** The AssumedRoleUser and Credentials elements, as both assume actions answer them. */
    private static StsXml withSession(StsXml xml, IssuedAwsCredentials.Issued issued) {
        return xml.open("AssumedRoleUser")
                .element("AssumedRoleId", issued.assumedRoleId())
                .element("Arn", issued.assumedRoleArn())
                .close("AssumedRoleUser")
                .open("Credentials")
                .element("AccessKeyId", issued.accessKeyId())
                .element("SecretAccessKey", issued.secretAccessKey())
                .element("SessionToken", issued.sessionToken())
                .element("Expiration", DateTimeFormatter.ISO_INSTANT.format(issued.expiration()))
                .close("Credentials");
    }

    /**
     * The checks STS makes on the parameters before it looks at the token or signature, with its
     * wording ("1 validation error detected: Value … at 'roleSessionName' failed to satisfy
     * constraint: …"). Returns the session duration in seconds.
     *
     * @param problems what the caller found wrong with the action's own parameters
     */
    private static long validateShape(String roleArn, String sessionName, String duration, List<String> problems)
            throws StsError {
        if (roleArn == null) {
            problems.add("Value null at 'roleArn' failed to satisfy constraint: Member must not be null");
        }
        if (sessionName == null) {
            problems.add("Value null at 'roleSessionName' failed to satisfy constraint: Member must not be null");
        } else {
            if (sessionName.length() < 2) {
                problems.add(constraint(sessionName, "roleSessionName", "Member must have length greater than or equal to 2"));
            }
            if (sessionName.length() > 64) {
                problems.add(constraint(sessionName, "roleSessionName", "Member must have length less than or equal to 64"));
            }
            if (!AwsArns.SESSION_NAME_CHARACTERS.matcher(sessionName).matches()) {
                problems.add(constraint(sessionName, "roleSessionName",
                        "Member must satisfy regular expression pattern: [\\w+=,.@-]*"));
            }
        }
        long seconds = DEFAULT_SESSION_DURATION.toSeconds();
        if (duration != null) {
            try {
                seconds = Long.parseLong(duration);
                if (seconds < MIN_DURATION_SECONDS) {
                    problems.add(constraint(duration, "durationSeconds",
                            "Member must have value greater than or equal to " + MIN_DURATION_SECONDS));
                } else if (seconds > MAX_DURATION_SECONDS) {
                    problems.add(constraint(duration, "durationSeconds",
                            "Member must have value less than or equal to " + MAX_DURATION_SECONDS));
                }
            } catch (NumberFormatException e) {
                problems.add(constraint(duration, "durationSeconds", "Member must be a whole number of seconds"));
            }
        }
        if (!problems.isEmpty()) {
            throw StsError.validation(problems.size() + " validation error" + (problems.size() == 1 ? "" : "s")
                    + " detected: " + String.join("; ", problems));
        }
        if (!AwsArns.isRoleArn(roleArn)) {
            throw StsError.validation("Request ARN is invalid");
        }
        return seconds;
    }

    private static String constraint(String value, String member, String rule) {
        return "Value '" + value + "' at '" + member + "' failed to satisfy constraint: " + rule;
    }

    /**
     * The role's trust policy document when it has one; else its AwsRole conditions: federated
     * principal = the token's provider, and StringEquals on {@code <provider>:aud} and, if set,
     * {@code <provider>:sub}. Providers are compared by IAM's name for them (no scheme), as the
     * policy's condition keys are.
     */
    private static boolean trusts(AwsRole role, WebIdentityTokens.VerifiedIdentity identity, AwsTrustPolicy policy) {
        String provider = LoopbackUrls.providerName(identity.issuer());
        if (policy != null) {
            List<String> principals = List.of("arn:aws:iam::" + role.accountId() + ":oidc-provider/" + provider, provider);
            return policy.allowsWebIdentity(principals, conditionKeys(provider, identity));
        }
        return LoopbackUrls.providerName(role.trustedIssuer()).equals(provider)
                && identity.audiences().contains(role.audience())
                && (role.subject() == null || role.subject().equals(identity.subject()));
    }

    /**
     * The condition keys STS sets from a web identity token, in lower case: {@code :aud}, {@code :sub}
     * and {@code :amr}; for accounts.google.com {@code :aud} is the {@code azp} when the token has one
     * and {@code :oaud} its {@code aud}, as IAM documents.
     */
    private static Map<String, List<String>> conditionKeys(String provider, WebIdentityTokens.VerifiedIdentity identity) {
        String prefix = provider.toLowerCase(java.util.Locale.ROOT) + ":";
        Map<String, List<String>> keys = new LinkedHashMap<>();
        boolean google = "accounts.google.com".equals(provider) && identity.authorizedParty() != null;
        keys.put(prefix + "aud", google ? List.of(identity.authorizedParty()) : identity.audiences());
        if (google) {
            keys.put(prefix + "oaud", identity.audiences());
        }
        keys.put(prefix + "sub", List.of(identity.subject()));
        keys.put(prefix + "amr", identity.amr());
        return keys;
    }

    /**
     * STS answers JSON to a client that accepts only that, as aws-iam-authenticator asks when it
     * calls an EKS token's presigned URL ({@code Accept: application/json}). Errors stay XML: the
     * authenticator reads nothing but the status of a failure.
     */
    private static boolean acceptsJson(HttpExchange exchange) {
        String accept = exchange.getRequestHeaders().getFirst("Accept");
        return accept != null && accept.toLowerCase(java.util.Locale.ROOT).trim().startsWith("application/json");
    }

    private void callerIdentityAsJson(HttpExchange exchange, byte[] body, String requestId) throws StsError, IOException {
        IssuedAwsCredentials.Issued caller = sigV4.verify(exchange, body);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("Account", caller.accountId());
        result.put("Arn", caller.assumedRoleArn());
        result.put("UserId", caller.assumedRoleId());
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("GetCallerIdentityResult", result);
        response.put("ResponseMetadata", Map.of("RequestId", requestId));
        exchange.getResponseHeaders().set("x-amzn-RequestId", requestId);
        HttpExchanges.sendNoStoreJson(exchange, 200, Map.of("GetCallerIdentityResponse", response));
    }

    private String getCallerIdentity(HttpExchange exchange, byte[] body, String requestId) throws StsError {
        IssuedAwsCredentials.Issued caller = sigV4.verify(exchange, body);
        return StsXml.result("GetCallerIdentity")
                .element("Arn", caller.assumedRoleArn())
                .element("UserId", caller.assumedRoleId())
                .element("Account", caller.accountId())
                .finish("GetCallerIdentity", requestId);
    }
}
