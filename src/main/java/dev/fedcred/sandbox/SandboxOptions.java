package dev.fedcred.sandbox;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How a {@link SandboxServer} is started.
 *
 * @param port             TCP port on 127.0.0.1; 0 picks any free port (what tests use)
 * @param autoApprove      skip the sign-in page and redirect with a code at once (for scripted runs)
 * @param idTokenLifetime  {@code exp - iat} of every ID token; short values let a user watch the
 *                         client's refresh logic without waiting an hour
 * @param awsRoles         the IAM roles the STS emulator knows; empty means
 *                         {@link SandboxAws#defaultRoles} for the sandbox's own issuer, resolved at
 *                         start because the issuer URL carries the port actually bound
 * @param awsOidcProviders the IAM OIDC providers (issuer URL to client IDs) the STS emulator trusts;
 *                         empty means the sandbox's own issuer with {@link SandboxClient#CLIENT_ID}.
 *                         Only loopback issuers: the emulator fetches their keys and must never
 *                         reach beyond this machine
 * @param dataDir          where state that must outlive a run is kept: the GCP emulator's TLS CA
 *                         ({@code gcp-ca.pem}, which clients trust) and keystore. Created 0700 if
 *                         missing; files in it are 0600. Null means a fresh temporary directory per
 *                         run, deleted on close (clients must then trust a new CA each run)
 * @param gcpPort          TCP port on 127.0.0.1 of the GCP emulator's HTTPS listener; 0 (the default)
 *                         picks any free port. Must differ from {@code port} unless both are 0
 * @param gcpProviders     the workload identity pool providers Google STS knows; empty means
 *                         {@link SandboxGcp#defaultProviders} for the sandbox's own issuer
 * @param gcpServiceAccounts the service accounts IAM Credentials knows; empty means
 *                         {@link SandboxGcp#defaultServiceAccounts}
 * @param userClaims       claims of the sandbox user that differ from {@link SandboxUser}'s: a
 *                         standard claim keeps its scope (an {@code email} only with scope email),
 *                         any other is always released. Lets a test play an issuer whose user has
 *                         an odd or hostile email or name
 * @param awsRoleTrusts    which roles' sessions may assume which roles (AssumeRole, role chaining);
 *                         empty means {@link SandboxAws#defaultRoleTrusts}
 * @param awsTrustPolicies role ARN to its trust policy document (IAM's JSON), which then decides
 *                         AssumeRoleWithWebIdentity for that role instead of its {@link AwsRole}
 *                         conditions, and AssumeRole instead of the trust table; a role not in the
 *                         table is added to it
 * @param kubernetesOidcClientId the audience the Kubernetes API server takes ID tokens for (its
 *                         {@code --oidc-client-id}); null means {@link SandboxKubernetes#OIDC_CLIENT_ID}.
 *                         Another value plays a cluster set up for another client
 */
public record SandboxOptions(int port, boolean autoApprove, Duration idTokenLifetime,
                             List<AwsRole> awsRoles, Map<String, List<String>> awsOidcProviders,
                             Path dataDir, int gcpPort, List<GcpProvider> gcpProviders,
                             List<GcpServiceAccount> gcpServiceAccounts, Map<String, Object> userClaims,
                             List<AwsRoleTrust> awsRoleTrusts, Map<String, String> awsTrustPolicies,
                             String kubernetesOidcClientId) {

    public SandboxOptions {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
        if (gcpPort < 0 || gcpPort > 65_535) {
            throw new IllegalArgumentException("gcpPort must be 0..65535, was " + gcpPort);
        }
        if (gcpPort != 0 && gcpPort == port) {
            throw new IllegalArgumentException("the GCP emulator has its own HTTPS listener; gcpPort must differ from port "
                    + port);
        }
        Objects.requireNonNull(idTokenLifetime, "idTokenLifetime");
        // JWT times are whole seconds, so anything shorter than one second would mint
        // a token that is already expired when iat == exp.
        if (idTokenLifetime.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("idTokenLifetime must be at least 1 second, was " + idTokenLifetime);
        }
        awsRoles = List.copyOf(Objects.requireNonNull(awsRoles, "awsRoles"));
        Objects.requireNonNull(awsOidcProviders, "awsOidcProviders");
        // Insertion order kept (Map.copyOf would scramble it), so describing the options is stable.
        Map<String, List<String>> providers = new LinkedHashMap<>();
        awsOidcProviders.forEach((issuer, clientIds) -> {
            LoopbackUrls.requireLoopbackIssuer(issuer);
            if (clientIds == null || clientIds.isEmpty()) {
                throw new IllegalArgumentException("an OIDC provider needs at least one client ID: " + issuer);
            }
            providers.put(issuer, List.copyOf(clientIds));
        });
        awsOidcProviders = Collections.unmodifiableMap(providers);
        gcpProviders = List.copyOf(Objects.requireNonNull(gcpProviders, "gcpProviders"));
        Set<String> providerNames = new HashSet<>();
        for (GcpProvider provider : gcpProviders) {
            if (!providerNames.add(provider.resourceName())) {
                throw new IllegalArgumentException("GCP provider given twice: " + provider.resourceName());
            }
        }
        gcpServiceAccounts = List.copyOf(Objects.requireNonNull(gcpServiceAccounts, "gcpServiceAccounts"));
        userClaims = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(userClaims, "userClaims")));
        awsRoleTrusts = List.copyOf(Objects.requireNonNull(awsRoleTrusts, "awsRoleTrusts"));
        awsTrustPolicies.forEach((roleArn, document) -> {
            if (!AwsArns.isRoleArn(roleArn)) {
                throw new IllegalArgumentException("not an IAM role ARN: " + roleArn);
            }
            AwsTrustPolicy.parse(document);
        });
        awsTrustPolicies = Collections.unmodifiableMap(new LinkedHashMap<>(awsTrustPolicies));
        kubernetesOidcClientId = kubernetesOidcClientId == null ? SandboxKubernetes.OIDC_CLIENT_ID : kubernetesOidcClientId;
        Set<String> emails = new HashSet<>();
        for (GcpServiceAccount account : gcpServiceAccounts) {
            if (!emails.add(account.email())) {
                throw new IllegalArgumentException("GCP service account given twice: " + account.email());
            }
        }
    }

    /** The original three options; AWS, GCP and the data directory take their defaults. */
    public SandboxOptions(int port, boolean autoApprove, Duration idTokenLifetime) {
        this(port, autoApprove, idTokenLifetime, List.of(), Map.of());
    }

    /** The options before GCP: a fresh data directory per run, GCP on any free port with the default tables. */
    public SandboxOptions(int port, boolean autoApprove, Duration idTokenLifetime,
                          List<AwsRole> awsRoles, Map<String, List<String>> awsOidcProviders) {
        this(port, autoApprove, idTokenLifetime, awsRoles, awsOidcProviders, null, 0, List.of(), List.of(), Map.of(),
                List.of(), Map.of(), null);
    }

    /** Port {@value SandboxServer#DEFAULT_PORT}, sign-in page shown, ID tokens valid for one hour (as Google's). */
    public static SandboxOptions defaults() {
        return new SandboxOptions(SandboxServer.DEFAULT_PORT, false, Duration.ofHours(1));
    }

    public SandboxOptions withPort(int newPort) {
        return new SandboxOptions(newPort, autoApprove, idTokenLifetime, awsRoles, awsOidcProviders,
                dataDir, gcpPort, gcpProviders, gcpServiceAccounts, userClaims, awsRoleTrusts, awsTrustPolicies,
                kubernetesOidcClientId);
    }

    public SandboxOptions withAutoApprove(boolean newAutoApprove) {
        return new SandboxOptions(port, newAutoApprove, idTokenLifetime, awsRoles, awsOidcProviders,
                dataDir, gcpPort, gcpProviders, gcpServiceAccounts, userClaims, awsRoleTrusts, awsTrustPolicies,
                kubernetesOidcClientId);
    }

    public SandboxOptions withIdTokenLifetime(Duration newLifetime) {
        return new SandboxOptions(port, autoApprove, newLifetime, awsRoles, awsOidcProviders,
                dataDir, gcpPort, gcpProviders, gcpServiceAccounts, userClaims, awsRoleTrusts, awsTrustPolicies,
                kubernetesOidcClientId);
    }

    /** Replaces the role table (an empty list brings back the defaults). */
    public SandboxOptions withAwsRoles(List<AwsRole> newRoles) {
        return new SandboxOptions(port, autoApprove, idTokenLifetime, newRoles, awsOidcProviders,
                dataDir, gcpPort, gcpProviders, gcpServiceAccounts, userClaims, awsRoleTrusts, awsTrustPolicies,
                kubernetesOidcClientId);
    }

    /**
     * Adds (or replaces) one trusted OIDC provider. Once any provider is given, the sandbox's own
     * issuer is trusted only if it is given too.
     *
     * @param issuerUrl exactly the {@code iss} its tokens carry; http://127.0.0.1:PORT or http://localhost:PORT
     * @param clientIds the audiences accepted, as IAM's "client ID list"
     */
    public SandboxOptions withAwsOidcProvider(String issuerUrl, List<String> clientIds) {
        Map<String, List<String>> providers = new LinkedHashMap<>(awsOidcProviders);
        providers.put(issuerUrl, clientIds);
        return new SandboxOptions(port, autoApprove, idTokenLifetime, awsRoles, providers,
                dataDir, gcpPort, gcpProviders, gcpServiceAccounts, userClaims, awsRoleTrusts, awsTrustPolicies,
                kubernetesOidcClientId);
    }

    /** Keeps the GCP CA and keystore in {@code newDataDir} (null: a fresh temporary directory per run). */
    public SandboxOptions withDataDir(Path newDataDir) {
        return new SandboxOptions(port, autoApprove, idTokenLifetime, awsRoles, awsOidcProviders,
                newDataDir, gcpPort, gcpProviders, gcpServiceAccounts, userClaims, awsRoleTrusts, awsTrustPolicies,
                kubernetesOidcClientId);
    }

    /** The port of the GCP emulator's HTTPS listener on 127.0.0.1 (0: any free port). */
    public SandboxOptions withGcpPort(int newGcpPort) {
        return new SandboxOptions(port, autoApprove, idTokenLifetime, awsRoles, awsOidcProviders,
                dataDir, newGcpPort, gcpProviders, gcpServiceAccounts, userClaims, awsRoleTrusts, awsTrustPolicies,
                kubernetesOidcClientId);
    }

    /** Replaces the workload identity pool providers (an empty list brings back the default). */
    public SandboxOptions withGcpProviders(List<GcpProvider> newProviders) {
        return new SandboxOptions(port, autoApprove, idTokenLifetime, awsRoles, awsOidcProviders,
                dataDir, gcpPort, newProviders, gcpServiceAccounts, userClaims, awsRoleTrusts, awsTrustPolicies,
                kubernetesOidcClientId);
    }

    /** Replaces the service accounts (an empty list brings back the two defaults). */
    public SandboxOptions withGcpServiceAccounts(List<GcpServiceAccount> newAccounts) {
        return new SandboxOptions(port, autoApprove, idTokenLifetime, awsRoles, awsOidcProviders,
                dataDir, gcpPort, gcpProviders, newAccounts, userClaims, awsRoleTrusts, awsTrustPolicies,
                kubernetesOidcClientId);
    }

    /** The sandbox user with {@code name} set to {@code value} (see {@code userClaims}). */
    public SandboxOptions withUserClaim(String name, Object value) {
        Map<String, Object> claims = new LinkedHashMap<>(userClaims);
        claims.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return new SandboxOptions(port, autoApprove, idTokenLifetime, awsRoles, awsOidcProviders,
                dataDir, gcpPort, gcpProviders, gcpServiceAccounts, claims, awsRoleTrusts, awsTrustPolicies,
                kubernetesOidcClientId);
    }

    /** Replaces the role-chaining trust table (an empty list brings back {@link SandboxAws#defaultRoleTrusts}). */
    public SandboxOptions withAwsRoleTrusts(List<AwsRoleTrust> newTrusts) {
        return new SandboxOptions(port, autoApprove, idTokenLifetime, awsRoles, awsOidcProviders,
                dataDir, gcpPort, gcpProviders, gcpServiceAccounts, userClaims, newTrusts, awsTrustPolicies,
                kubernetesOidcClientId);
    }

    /** Gives the role {@code roleArn} this trust policy document (see {@code awsTrustPolicies}). */
    public SandboxOptions withAwsTrustPolicy(String roleArn, String document) {
        Map<String, String> policies = new LinkedHashMap<>(awsTrustPolicies);
        policies.put(Objects.requireNonNull(roleArn, "roleArn"), Objects.requireNonNull(document, "document"));
        return new SandboxOptions(port, autoApprove, idTokenLifetime, awsRoles, awsOidcProviders,
                dataDir, gcpPort, gcpProviders, gcpServiceAccounts, userClaims, awsRoleTrusts, policies,
                kubernetesOidcClientId);
    }

    /** The Kubernetes API server takes ID tokens for this audience instead (see {@code kubernetesOidcClientId}). */
    public SandboxOptions withKubernetesOidcClientId(String clientId) {
        return new SandboxOptions(port, autoApprove, idTokenLifetime, awsRoles, awsOidcProviders,
                dataDir, gcpPort, gcpProviders, gcpServiceAccounts, userClaims, awsRoleTrusts, awsTrustPolicies,
                Objects.requireNonNull(clientId, "clientId"));
    }
}
