package dev.fedcred.core.gcp;

import dev.fedcred.core.targets.Target;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A Google Cloud workload identity pool provider that trusts the issuer: the ID token is exchanged
 * at Google STS for a federated token and, when a service account is set, that token is used to
 * impersonate it (iamcredentials generateAccessToken). The result is written as an Application
 * Default Credentials file for gcloud and the Google client libraries.
 *
 * @param serviceAccount         null means the federated token is used directly
 * @param scopes                 empty means cloud-platform
 * @param tokenLifetime          of an impersonated token; 600 to 43200 s (over 3600 needs an org policy)
 * @param adcFile                null means GOOGLE_APPLICATION_CREDENTIALS, else gcloud's default file
 * @param stsEndpoint            null means {@link #GOOGLE_STS}
 * @param iamCredentialsEndpoint null means {@link #GOOGLE_IAM_CREDENTIALS}; a base URL ending in /v1/
 * @param trustedCaFile          a PEM file of the only CAs trusted for both endpoints (the sandbox's); null means the JDK's
 * @param adcSource              where the ADC file sends Google's libraries for the ID token; null means not chosen:
 *                               the executable, unless the file already holds fedcred's file source (see
 *                               {@link GcpCredentialService#sourceFor})
 */
public record GcpWorkloadTarget(
        String name,
        String projectNumber,
        String poolId,
        String providerId,
        String serviceAccount,
        List<String> scopes,
        Duration tokenLifetime,
        Path adcFile,
        String issuer,
        URI stsEndpoint,
        URI iamCredentialsEndpoint,
        Path trustedCaFile,
        AdcSource adcSource) implements Target {

    public static final String CLOUD_PLATFORM_SCOPE = "https://www.googleapis.com/auth/cloud-platform";
    public static final URI GOOGLE_STS = URI.create("https://sts.googleapis.com/v1/token");
    public static final URI GOOGLE_IAM_CREDENTIALS = URI.create("https://iamcredentials.googleapis.com/v1/");
    public static final Duration DEFAULT_LIFETIME = Duration.ofHours(1);
    public static final Duration MIN_LIFETIME = Duration.ofSeconds(600);
    public static final Duration MAX_LIFETIME = Duration.ofSeconds(43200);

    public GcpWorkloadTarget {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(projectNumber, "projectNumber");
        Objects.requireNonNull(poolId, "poolId");
        Objects.requireNonNull(providerId, "providerId");
        serviceAccount = blankToNull(serviceAccount);
        scopes = scopes == null || scopes.isEmpty() ? List.of(CLOUD_PLATFORM_SCOPE) : List.copyOf(scopes);
        tokenLifetime = tokenLifetime == null ? DEFAULT_LIFETIME : tokenLifetime;
        issuer = blankToNull(issuer);
    }

    /** A target whose ADC source is not chosen. */
    public GcpWorkloadTarget(String name, String projectNumber, String poolId, String providerId, String serviceAccount,
                             List<String> scopes, Duration tokenLifetime, Path adcFile, String issuer, URI stsEndpoint,
                             URI iamCredentialsEndpoint, Path trustedCaFile) {
        this(name, projectNumber, poolId, providerId, serviceAccount, scopes, tokenLifetime, adcFile, issuer, stsEndpoint,
                iamCredentialsEndpoint, trustedCaFile, null);
    }

    public GcpWorkloadTarget withAdcSource(AdcSource source) {
        return new GcpWorkloadTarget(name, projectNumber, poolId, providerId, serviceAccount, scopes, tokenLifetime, adcFile,
                issuer, stsEndpoint, iamCredentialsEndpoint, trustedCaFile, source);
    }

    /** The provider's full resource name, which Google STS takes as the audience of the exchange. */
    public String audience() {
        return "//iam.googleapis.com/" + poolResource() + "/providers/" + providerId;
    }

    /** projects/N/locations/global/workloadIdentityPools/P */
    public String poolResource() {
        return poolResource(projectNumber, poolId);
    }

    /** projects/N/locations/global/workloadIdentityPools/P, also for a pool no target names yet (the set-up). */
    public static String poolResource(String projectNumber, String poolId) {
        return "projects/" + projectNumber + "/locations/global/workloadIdentityPools/" + poolId;
    }

    /** The IAM principal of one federated subject of this pool, as bindings name it. */
    public String principal(String subject) {
        return principal(poolResource(), subject);
    }

    /** The IAM principal of one federated subject of the pool {@code poolResource}, as bindings name it. */
    public static String principal(String poolResource, String subject) {
        return "principal://iam.googleapis.com/" + poolResource + "/subject/" + subject;
    }

    public URI effectiveStsEndpoint() {
        return stsEndpoint == null ? GOOGLE_STS : stsEndpoint;
    }

    public URI effectiveIamCredentialsEndpoint() {
        return iamCredentialsEndpoint == null ? GOOGLE_IAM_CREDENTIALS : iamCredentialsEndpoint;
    }

    /** The generateAccessToken URL for the service account; null without one. */
    public String impersonationUrl() {
        if (serviceAccount == null) {
            return null;
        }
        String base = effectiveIamCredentialsEndpoint().toString();
        return (base.endsWith("/") ? base : base + "/") + "projects/-/serviceAccounts/" + serviceAccount
                + ":generateAccessToken";
    }

    @Override
    public String destination() {
        return "Google ADC " + (adcFile == null ? "(default location)" : adcFile.toString());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
