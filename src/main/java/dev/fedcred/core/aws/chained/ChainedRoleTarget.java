package dev.fedcred.core.aws.chained;

import dev.fedcred.core.targets.Target;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * An IAM role reached by role chaining: STS AssumeRole signed with the session of another AWS
 * target (its source: an AWS role, or another chained role), written as a profile like any AWS
 * target. It signs in through its source, so it names no issuer of its own ({@link #issuer()} is
 * null; {@code TargetRegistry.issuerOf} follows the chain). A null region means the source's for
 * the STS call and none in the config file; a null session name is the source session's; a null
 * STS endpoint is the source's.
 */
public record ChainedRoleTarget(
        String name,
        String source,
        String roleArn,
        String externalId,
        String roleSessionName,
        Duration sessionDuration,
        String profile,
        String region,
        URI stsEndpoint) implements Target {

    /** AWS caps a session reached by role chaining at one hour, whatever the role's maximum session duration. */
    public static final Duration MAX_DURATION = Duration.ofHours(1);
    public static final Duration MIN_DURATION = Duration.ofSeconds(900);
    public static final Duration DEFAULT_DURATION = MAX_DURATION;

    public ChainedRoleTarget {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(roleArn, "roleArn");
        Objects.requireNonNull(profile, "profile");
        sessionDuration = sessionDuration == null ? DEFAULT_DURATION : sessionDuration;
        externalId = blankToNull(externalId);
        roleSessionName = blankToNull(roleSessionName);
        region = blankToNull(region);
    }

    /** A chained role signs in through its source; it has no issuer setting of its own. */
    @Override
    public String issuer() {
        return null;
    }

    @Override
    public String destination() {
        return "AWS profile " + profile;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
