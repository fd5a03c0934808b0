package dev.fedcred.core.aws;

import dev.fedcred.core.FedcredException;
import dev.fedcred.core.aws.profiles.AwsProfileWriter;
import dev.fedcred.core.aws.AwsRoleTarget;
import dev.fedcred.core.settings.TargetRegistry;

/**
 * Profiles in the AWS config file whose {@code credential_process} asks fedcred for a target's
 * credentials whenever the AWS CLI or an SDK needs them. Such a profile needs a name of its own:
 * the target's profile gets a region section in the config file from {@code assume} (two sections
 * of one profile break every AWS tool) and its keys in the credentials file, which would win over
 * credential_process anyway.
 */
public final class ProcessProfiles {
    /** Appended to the target's profile for the default name, e.g. prod-process. */
    public static final String DEFAULT_SUFFIX = "-process";

    private final TargetRegistry targets;
    private final AwsProfileWriter writer;

    public ProcessProfiles(TargetRegistry targets, AwsProfileWriter writer) {
        this.targets = targets;
        this.writer = writer;
    }

    public static String defaultName(AwsRoleTarget target) {
        return defaultName(target.profile());
    }

    /** @param targetProfile the profile the target writes its credentials to */
    public static String defaultName(String targetProfile) {
        return targetProfile + DEFAULT_SUFFIX;
    }

    /**
     * The config section for a user to append to the config file by hand. Refused when the name
     * is a target's profile or already defined in either AWS file, as appending would define it twice.
     */
    public String snippet(AwsRoleTarget target, String profile, String command) {
        return snippet(target.name(), target.region(), profile, command);
    }

    /** The snippet for the target named {@code targetName} of any AWS kind, with its region (null: none). */
    public String snippet(String targetName, String region, String profile, String command) {
        requireNotATargetsProfile(profile);
        writer.whereDefined(profile).ifPresent(where -> {
            throw new FedcredException("The AWS profile '" + profile + "' is already defined (" + where + "); adding"
                    + " this snippet would define it twice, which the AWS CLI and SDKs refuse. Choose another name"
                    + " with --profile, or let fedcred write the profile into the config file: `fedcred aws"
                    + " install-profile " + targetName + "`.");
        });
        StringBuilder text = new StringBuilder(AwsProfileWriter.configHeader(profile)).append('\n')
                .append("credential_process = ").append(command).append('\n');
        if (region != null) {
            text.append("region = ").append(region).append('\n');
        }
        return text.toString();
    }

    /**
     * Writes the profile into the config file with the same byte-preserving writer and ownership
     * marker as {@code assume}; a section of that name fedcred did not write is replaced only with
     * {@code force}. {@code fedcred aws remove PROFILE} takes it out again.
     */
    public void install(AwsRoleTarget target, String profile, String command, boolean force) {
        install(target.name(), target.region(), profile, command, force);
    }

    /** Installs the profile for the target named {@code targetName} of any AWS kind, with its region (null: none). */
    public void install(String targetName, String region, String profile, String command, boolean force) {
        requireNotATargetsProfile(profile);
        writer.writeProcessProfile(profile, targetName, command, region, force);
    }

    private void requireNotATargetsProfile(String profile) {
        AwsProfileWriter.requireProfileName(profile);
        targets.all().stream()
                .filter(AwsRoleTarget.class::isInstance).map(AwsRoleTarget.class::cast)
                .filter(target -> target.profile().equals(profile))
                .findFirst().ifPresent(target -> {
                    throw new FedcredException("'" + profile + "' is the profile the target " + target.name()
                            + " writes its credentials to, which would win over credential_process. Choose another"
                            + " name with --profile, such as " + defaultName(target) + ".");
                });
    }
}
