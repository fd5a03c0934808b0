package dev.fedcred.sandbox;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A workload identity pool provider of the OIDC kind, as the GCP emulator's STS knows it: which
 * issuer it trusts and for which audiences. The attribute mapping is fixed at
 * {@code google.subject = assertion.sub} (the console's default), and there is no attribute
 * condition.
 *
 * @param projectNumber    the project's number (digits; the sandbox's is 000000000000), as STS audiences name it
 * @param poolId           the pool ID: 4 to 32 lower-case letters, digits and hyphens, not starting with "gcp-"
 * @param providerId       the provider ID, same rules as the pool ID
 * @param issuerUrl        exactly the {@code iss} its tokens carry; only loopback issuers
 *                         (http://127.0.0.1:PORT or http://localhost:PORT), because the emulator
 *                         fetches their keys and must never reach beyond this machine
 * @param allowedAudiences the provider's "allowed audiences"; empty means Google's default: the
 *                         provider's resource name with or without the {@code https:} prefix. A
 *                         provider for Google ID tokens lists the OAuth client ID here
 */
public record GcpProvider(String projectNumber, String poolId, String providerId, String issuerUrl,
                          List<String> allowedAudiences) {

    private static final Pattern PROJECT_NUMBER = Pattern.compile("[0-9]{1,19}");
    private static final Pattern ID = Pattern.compile("[a-z0-9-]{4,32}");

    public GcpProvider {
        Objects.requireNonNull(projectNumber, "projectNumber");
        Objects.requireNonNull(poolId, "poolId");
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(issuerUrl, "issuerUrl");
        if (!PROJECT_NUMBER.matcher(projectNumber).matches()) {
            throw new IllegalArgumentException("a project number is digits, was " + projectNumber);
        }
        requireId("pool", poolId);
        requireId("provider", providerId);
        LoopbackUrls.requireLoopbackIssuer(issuerUrl);
        allowedAudiences = List.copyOf(Objects.requireNonNull(allowedAudiences, "allowedAudiences"));
    }

    private static void requireId(String what, String id) {
        if (!ID.matcher(id).matches() || id.startsWith("gcp-")) {
            throw new IllegalArgumentException("a " + what + " ID is 4 to 32 lower-case letters, digits and hyphens,"
                    + " not starting with gcp-; was " + id);
        }
    }

    /**
     * The full resource name STS takes as {@code audience}:
     * {@code //iam.googleapis.com/projects/NUMBER/locations/global/workloadIdentityPools/POOL/providers/PROVIDER}.
     */
    public String resourceName() {
        return "//iam.googleapis.com/" + relativeName();
    }

    /** The pool's resource name, which principals and principal sets are named under. */
    String poolName() {
        return "projects/" + projectNumber + "/locations/global/workloadIdentityPools/" + poolId;
    }

    private String relativeName() {
        return poolName() + "/providers/" + providerId;
    }

    /** The {@code aud} values a token may carry: the allowed audiences, or Google's default for an empty list. */
    List<String> acceptedAudiences() {
        return allowedAudiences.isEmpty()
                ? List.of("https://iam.googleapis.com/" + relativeName(), resourceName())
                : allowedAudiences;
    }
}
