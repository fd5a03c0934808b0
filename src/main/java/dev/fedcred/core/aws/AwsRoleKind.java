package dev.fedcred.core.aws;

import dev.fedcred.core.aws.profiles.ProfileState;
import dev.fedcred.core.aws.AwsRoleTarget;
import dev.fedcred.core.targets.TargetField;
import dev.fedcred.core.targets.TargetKind;
import dev.fedcred.core.targets.NotWrittenByFedcredException;
import dev.fedcred.core.targets.TargetPresentation;
import dev.fedcred.core.text.TimeLeft;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fedcred.core.targets.SettingKey;
import dev.fedcred.core.targets.SettingsValues;
import dev.fedcred.core.targets.TargetEntry;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** An IAM role assumed with the ID token and written as a profile of the shared credentials file. */
public final class AwsRoleKind implements AwsSessionKind<AwsRoleTarget> {
    public static final String ID = "aws";

    /** Built on first use, so reading the settings never builds the service. */
    private final Supplier<AwsCredentialService> service;
    private final Clock clock;

    public AwsRoleKind(Supplier<AwsCredentialService> service, Clock clock) {
        this.service = service;
        this.clock = clock;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "AWS role";
    }

    @Override
    public Class<AwsRoleTarget> targetClass() {
        return AwsRoleTarget.class;
    }

    @Override
    public List<SettingKey> settingKeys() {
        return List.of(SettingKey.required("role_arn", "the IAM role's ARN, " + AwsRoleRules.ROLE_ARN_SHAPE),
                SettingKey.required("profile", "the AWS profile fedcred writes"),
                SettingKey.optional("region", "the region for STS and the profile"),
                SettingKey.optional("duration_seconds", "the session duration, 900 to 43200 (default 3600)"),
                SettingKey.optional("role_session_name", "the role session name (default: from the email or sub)"),
                SettingKey.ISSUER,
                SettingKey.optional("sts_endpoint", "another STS endpoint, such as the sandbox's"));
    }

    @Override
    public AwsRoleTarget read(TargetEntry entry) {
        return new AwsRoleTarget(entry.name(), entry.requiredText("role_arn"), entry.requiredText("profile"),
                entry.optionalText("region"), Duration.ofSeconds(entry.optionalWholeNumber("duration_seconds",
                        AwsRoleTarget.DEFAULT_DURATION.toSeconds())),
                entry.optionalText("role_session_name"), entry.optionalText("issuer"),
                entry.optional("sts_endpoint", URI::create));
    }

    @Override
    public void write(AwsRoleTarget target, ObjectNode entry) {
        entry.put("role_arn", target.roleArn());
        entry.put("profile", target.profile());
        SettingsValues.putIfSet(entry, "region", target.region());
        entry.put("duration_seconds", target.sessionDuration().toSeconds());
        SettingsValues.putIfSet(entry, "role_session_name", target.roleSessionName());
        SettingsValues.putIfSet(entry, "sts_endpoint", target.stsEndpoint());
    }

    @Override
    public Map<TargetField, String> problems(AwsRoleTarget target) {
        return AwsRoleRules.problems(target);
    }

    @Override
    public Obtained obtain(AwsRoleTarget target, boolean force) {
        AssumedRole role = service.get().assumeAndWrite(target, force);
        Path file = credentialsFile(target);
        // only what may show: never the secret access key or the session token
        String notice = "Wrote profile " + target.profile() + " (access key ID " + role.accessKeyId() + ")";
        List<String> report = List.of("Wrote AWS profile " + target.profile() + " to " + file + " as "
                        + role.assumedRoleArn() + "; expires " + role.expiration() + " (in "
                        + TimeLeft.between(clock.instant(), role.expiration()) + ").",
                AwsHints.useWith(target.stsEndpoint(), target.profile()));
        return new Obtained(role.expiration(), notice, report);
    }

    @Override
    public Optional<Instant> cachedExpiry(AwsRoleTarget target) {
        return service.get().cached(target).map(AssumedRole::expiration);
    }

    @Override
    public boolean writtenByFedcred(AwsRoleTarget target) {
        return service.get().profileState(target) == ProfileState.MANAGED_BY_FEDCRED;
    }

    @Override
    public Removal removeWritten(AwsRoleTarget target) {
        Path file = credentialsFile(target);
        boolean removed = service.get().removeProfile(target.profile());
        return new Removal(removed ? "Removed the profile " + target.profile() + " from " + file + "."
                : "There was no profile " + target.profile() + " written by fedcred in " + file + ".", false);
    }

    @Override
    public void forget(AwsRoleTarget target) {
        service.get().forget(target);
    }

    @Override
    public Path credentialsFile(AwsRoleTarget target) {
        return service.get().files().credentialsFile();
    }

    @Override
    public String writesTo(AwsRoleTarget target) {
        return target.destination();
    }

    @Override
    public String identity(AwsRoleTarget target) {
        return target.roleArn();
    }

    @Override
    public TargetPresentation presentation(AwsRoleTarget target, Path credentialsFile) {
        return AwsRoleRow.of(target, credentialsFile);
    }

    @Override
    public Optional<TargetPresentation.ReplaceQuestion> replaceQuestion(AwsRoleTarget target,
                                                                        NotWrittenByFedcredException refusal) {
        return Optional.of(AwsRoleRow.replaceQuestion(target, refusal));
    }

    @Override
    public String profile(AwsRoleTarget target) {
        return target.profile();
    }

    @Override
    public String region(AwsRoleTarget target) {
        return target.region();
    }

    @Override
    public URI stsEndpoint(AwsRoleTarget target) {
        return target.stsEndpoint();
    }

    @Override
    public Optional<AssumedRole> reusable(AwsRoleTarget target) {
        return service.get().reusable(target);
    }

    @Override
    public AssumedRole current(AwsRoleTarget target) {
        return service.get().current(target);
    }
}
