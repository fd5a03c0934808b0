package dev.fedcred.sandbox;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A workload identity pool provider of the OIDC kind, as the GCP emulator's STS knows it: which
 * issuer it trusts, for which audiences, how claims map to attributes and which condition they
 * must meet.
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
 * @param attributeMapping google.subject and attribute.NAME keys, each mapped from one claim
 *                         ({@code assertion.CLAIM}, the only CEL the sandbox maps); must map
 *                         google.subject
 * @param attributeCondition the CEL condition the mapped token must meet, in the subset
 *                         {@link GcpAttributeCondition} reads; null for none
 */
public record GcpProvider(String projectNumber, String poolId, String providerId, String issuerUrl,
                          List<String> allowedAudiences, Map<String, String> attributeMapping,
                          String attributeCondition) {

    /** The console's default mapping. */
    static final Map<String, String> SUBJECT_ONLY = Map.of("google.subject", "assertion.sub");
    private static final Pattern MAPPING_KEY = Pattern.compile("google\\.subject|attribute\\.[a-z_][a-z0-9_]*");
    private static final Pattern MAPPING_VALUE = Pattern.compile("assertion\\.[A-Za-z_][A-Za-z0-9_]*");

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
        attributeMapping = Collections.unmodifiableMap(new LinkedHashMap<>(
                Objects.requireNonNull(attributeMapping, "attributeMapping")));
        if (!attributeMapping.containsKey("google.subject")) {
            throw new IllegalArgumentException("the attribute mapping must map google.subject, as Google requires");
        }
        for (Map.Entry<String, String> entry : attributeMapping.entrySet()) {
            if (!MAPPING_KEY.matcher(entry.getKey()).matches() || !MAPPING_VALUE.matcher(entry.getValue()).matches()) {
                throw new IllegalArgumentException("the sandbox maps only google.subject or attribute.NAME from one"
                        + " claim (assertion.CLAIM); was " + entry.getKey() + "=" + entry.getValue());
            }
        }
        if (attributeCondition != null) {
            GcpAttributeCondition.parse(attributeCondition);
        }
    }

    /** A provider with the console's default mapping and no condition. */
    public GcpProvider(String projectNumber, String poolId, String providerId, String issuerUrl,
                       List<String> allowedAudiences) {
        this(projectNumber, poolId, providerId, issuerUrl, allowedAudiences, SUBJECT_ONLY, null);
    }

    /** The attributes the mapping gives for a token's claims; a missing or non-text claim maps to nothing. */
    Map<String, String> mappedAttributes(Map<String, Object> claims) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributeMapping.forEach((key, value) -> {
            if (claims.get(value.substring("assertion.".length())) instanceof String text) {
                attributes.put(key, text);
            }
        });
        return attributes;
    }

    /** Whether the token's claims meet the attribute condition (always, without one). */
    boolean conditionAccepts(Map<String, Object> claims) {
        return attributeCondition == null
                || GcpAttributeCondition.parse(attributeCondition).accepts(claims, mappedAttributes(claims));
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
