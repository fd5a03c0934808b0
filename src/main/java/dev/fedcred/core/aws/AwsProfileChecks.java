package dev.fedcred.core.aws;

import dev.fedcred.core.FedcredException;
import dev.fedcred.core.aws.profiles.AwsFileLocations;
import dev.fedcred.core.aws.profiles.AwsFileParseException;
import dev.fedcred.core.aws.profiles.AwsProfileFiles;
import dev.fedcred.core.aws.profiles.AwsProfileFiles.ProfileSection;
import dev.fedcred.core.launch.ShellWords;
import dev.fedcred.core.targets.CheckContext;
import dev.fedcred.core.targets.Finding;
import dev.fedcred.core.targets.PrivateFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What an AWS target's profile needs on the user's side, for every kind that writes one: no
 * environment variable that the AWS tools read before it, both AWS files readable by the SDKs
 * with each profile defined once, every fedcred {@code credential_process} line naming a fedcred
 * that is there, and the credentials file the owner's alone.
 */
public final class AwsProfileChecks {
    static final List<String> KEY_VARIABLES = List.of("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN");

    private AwsProfileChecks() {
    }

    public static List<Finding> check(String profile, AwsFileLocations files, CheckContext context) {
        List<Finding> findings = new ArrayList<>();
        keysInEnvironment(profile, context).ifPresent(findings::add);
        fileVariable(context, "AWS_SHARED_CREDENTIALS_FILE", files.credentialsFile(), findings);
        fileVariable(context, "AWS_CONFIG_FILE", files.configFile(), findings);
        List<ProfileSection> credentials = read(files.credentialsFile(), true, findings);
        List<ProfileSection> config = read(files.configFile(), false, findings);
        duplicates(files.credentialsFile(), credentials, findings);
        duplicates(files.configFile(), config, findings);
        awsProfileVariable(profile, context, credentials, config, findings);
        config.forEach(section -> CredentialProcessLine.check(files.configFile(), section, context).ifPresent(findings::add));
        PrivateFiles.check(files.credentialsFile(), "The AWS credentials file").ifPresent(findings::add);
        return findings;
    }

    private static java.util.Optional<Finding> keysInEnvironment(String profile, CheckContext context) {
        List<String> set = KEY_VARIABLES.stream().filter(name -> context.variable(name) != null).toList();
        if (set.isEmpty()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(Finding.warningFixedBy(String.join(", ", set) + (set.size() == 1 ? " is" : " are")
                + " set: the AWS CLI and SDKs use keys in the environment before any profile, so they never read"
                + " the profile " + profile + " fedcred writes.", "unset " + String.join(" ", KEY_VARIABLES)));
    }

    private static void fileVariable(CheckContext context, String variable, Path written, List<Finding> findings) {
        String value = context.variable(variable);
        if (value != null && !Path.of(value).toAbsolutePath().normalize().equals(written.toAbsolutePath().normalize())) {
            findings.add(Finding.warningFixedBy(variable + " points at " + value + ", but fedcred writes " + written
                    + ": the AWS tools read the other file.", "export " + variable + "=" + ShellWords.quoted(written.toString())));
        }
    }

    private static void awsProfileVariable(String profile, CheckContext context, List<ProfileSection> credentials,
                                           List<ProfileSection> config, List<Finding> findings) {
        String chosen = context.variable("AWS_PROFILE");
        if (chosen == null || chosen.equals(profile)) {
            return;
        }
        boolean defined = Stream.concat(credentials.stream(), config.stream()).anyMatch(s -> s.profile().equals(chosen));
        if (!defined) {
            findings.add(Finding.warningFixedBy("AWS_PROFILE is " + chosen + ", a profile neither AWS file defines:"
                    + " every AWS command without --profile fails.", "export AWS_PROFILE=" + ShellWords.quoted(profile)));
        } else {
            findings.add(Finding.note("AWS_PROFILE is " + chosen + ": AWS commands use the profile " + profile
                    + " only with --profile " + profile + "."));
        }
    }

    private static List<ProfileSection> read(Path file, boolean credentials, List<Finding> findings) {
        try {
            return credentials ? AwsProfileFiles.credentials(file) : AwsProfileFiles.config(file);
        } catch (AwsFileParseException e) {
            findings.add(Finding.error(e.readerMessage(), "Edit line " + e.line() + " of " + file
                    + " so that the AWS SDKs can read it."));
        } catch (FedcredException e) {
            findings.add(Finding.error(e.getMessage(), "Make " + file + " readable, or move it away."));
        }
        return List.of();
    }

    private static void duplicates(Path file, List<ProfileSection> sections, List<Finding> findings) {
        Map<String, Integer> first = new HashMap<>();
        for (ProfileSection section : sections) {
            Integer earlier = first.putIfAbsent(section.profile(), section.line());
            if (earlier != null) {
                findings.add(Finding.error(file + " defines the profile " + section.profile() + " twice (lines " + earlier
                        + " and " + section.line() + "): the tools merge them and fedcred refuses to write it.",
                        "Merge the two [" + section.profile() + "] sections of " + file + " into one."));
            }
        }
    }
}
