package dev.fedcred.core.aws;

import dev.fedcred.core.targets.Target;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * An IAM role assumed with AssumeRoleWithWebIdentity and written as a profile. A null region
 * means us-east-1 for the STS call and no region in the config file; a null session name is
 * taken from the token's email or sub; a null STS endpoint means AWS's regional endpoint; a null
 * federation endpoint (console sign-in) means the role's partition's.
 */
public record AwsRoleTarget(
        String name,
        String roleArn,
        String profile,
        String region,
        Duration sessionDuration,
        String roleSessionName,
        String issuer,
        URI stsEndpoint,
        URI federationEndpoint) implements Target {

    public static final Duration DEFAULT_DURATION = Duration.ofHours(1);
    public static final Duration MIN_DURATION = Duration.ofSeconds(900);
    public static final Duration MAX_DURATION = Duration.ofSeconds(43200);

    /** A target that signs in to the console through its partition's own federation endpoint. */
    public AwsRoleTarget(String name, String roleArn, String profile, String region, Duration sessionDuration,
                         String roleSessionName, String issuer, URI stsEndpoint) {
        this(name, roleArn, profile, region, sessionDuration, roleSessionName, issuer, stsEndpoint, null);
    }

    public AwsRoleTarget {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(roleArn, "roleArn");
        Objects.requireNonNull(profile, "profile");
        sessionDuration = sessionDuration == null ? DEFAULT_DURATION : sessionDuration;
        region = blankToNull(region);
        roleSessionName = blankToNull(roleSessionName);
        issuer = blankToNull(issuer);
    }

    /** The region the STS call goes to: the target's, else us-east-1. */
    public String stsRegion() {
        return region == null ? "us-east-1" : region;
    }

    /** The twelve-digit account in the role ARN. */
    public String accountId() {
        String[] parts = roleArn.split(":");
        return parts.length > 4 ? parts[4] : "";
    }

    @Override
    public String destination() {
        return "AWS profile " + profile;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
