package dev.fedcred.core.aws.chained;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fedcred.core.aws.AssumedRole;
import dev.fedcred.core.aws.AwsConsoleAction;
import dev.fedcred.core.aws.AwsConsoleSignIn;
import dev.fedcred.core.aws.AwsRoleForm;
import dev.fedcred.core.aws.AwsRoleRow;
import dev.fedcred.core.aws.WrittenProfile;
import dev.fedcred.core.aws.AwsSessionKind;
import dev.fedcred.core.aws.AwsProfileChecks;
import dev.fedcred.core.targets.CheckContext;
import dev.fedcred.core.targets.Finding;
import dev.fedcred.core.aws.profiles.AwsFileLocations;
import dev.fedcred.core.aws.profiles.ProfileState;
import dev.fedcred.core.targets.NotWrittenByFedcredException;
import dev.fedcred.core.targets.TargetForm;
import dev.fedcred.core.targets.SettingsValues;
import dev.fedcred.core.targets.TargetEntry;
import dev.fedcred.core.targets.TargetField;
import dev.fedcred.core.targets.TargetPresentation;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * An IAM role reached by role chaining from another AWS target's session, written as a profile of
 * the shared credentials file like any AWS target.
 */
public final class ChainedRoleKind implements AwsSessionKind<ChainedRoleTarget> {
    public static final String ID = "aws-chained";

    /** Built on first use, so reading the settings never builds the service. */
    private final Supplier<ChainedRoleService> service;
    private final RoleChains chains;
    private final AwsFileLocations files;
    private final Clock clock;

    public ChainedRoleKind(Supplier<ChainedRoleService> service, RoleChains chains, AwsFileLocations files, Clock clock) {
        this.service = service;
        this.chains = chains;
        this.files = files;
        this.clock = clock;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Chained AWS role";
    }

    @Override
    public Class<ChainedRoleTarget> targetClass() {
        return ChainedRoleTarget.class;
    }

    @Override
    public TargetForm form() {
        return ChainedRoleForm.of(files);
    }

    @Override
    public ChainedRoleTarget read(TargetEntry entry) {
        return new ChainedRoleTarget(entry.name(), entry.requiredText(ChainedRoleForm.SOURCE.key()), entry.requiredText(AwsRoleForm.ROLE_ARN.key()),
                entry.optionalText(ChainedRoleForm.EXTERNAL_ID.key()), entry.optionalText(AwsRoleForm.SESSION_NAME.key()),
                Duration.ofSeconds(entry.optionalWholeNumber(AwsRoleForm.DURATION.key(),
                        ChainedRoleTarget.DEFAULT_DURATION.toSeconds())),
                entry.requiredText(AwsRoleForm.PROFILE.key()), entry.optionalText(AwsRoleForm.REGION.key()), entry.optional(AwsRoleForm.STS_ENDPOINT.key(), URI::create));
    }

    @Override
    public void write(ChainedRoleTarget target, ObjectNode entry) {
        entry.put(ChainedRoleForm.SOURCE.key(), target.source());
        entry.put(AwsRoleForm.ROLE_ARN.key(), target.roleArn());
        SettingsValues.putIfSet(entry, ChainedRoleForm.EXTERNAL_ID.key(), target.externalId());
        SettingsValues.putIfSet(entry, AwsRoleForm.SESSION_NAME.key(), target.roleSessionName());
        entry.put(AwsRoleForm.DURATION.key(), target.sessionDuration().toSeconds());
        entry.put(AwsRoleForm.PROFILE.key(), target.profile());
        SettingsValues.putIfSet(entry, AwsRoleForm.REGION.key(), target.region());
        SettingsValues.putIfSet(entry, AwsRoleForm.STS_ENDPOINT.key(), target.stsEndpoint());
    }

    @Override
    public Map<TargetField, String> problems(ChainedRoleTarget target) {
        return ChainedRoleRules.problems(target);
    }

    /** The source lives in settings.json: whether it exists, is an AWS target and leads to no cycle. */
    @Override
    public Map<TargetField, String> problemsOnDisk(ChainedRoleTarget target) {
        return chains.problems(target);
    }

    @Override
    public Optional<String> sourceName(ChainedRoleTarget target) {
        return Optional.of(target.source());
    }

    @Override
    public Obtained obtain(ChainedRoleTarget target, boolean force) {
        AssumedRole role = service.get().assumeAndWrite(target, force);
        return written(target).obtained(role, " (through " + target.source() + ")", chains.endpoint(target),
                clock.instant());
    }

    /** The profile's checks; no dry run: that would need a session of the source, which its own check tries. */
    @Override
    public List<Finding> check(ChainedRoleTarget target, CheckContext context) {
        return AwsProfileChecks.check(profile(target), files, context);
    }

    @Override
    public Optional<Instant> cachedExpiry(ChainedRoleTarget target) {
        return service.get().cached(target).map(AssumedRole::expiration);
    }

    @Override
    public boolean writtenByFedcred(ChainedRoleTarget target) {
        return service.get().profileState(target) == ProfileState.MANAGED_BY_FEDCRED;
    }

    @Override
    public Removal removeWritten(ChainedRoleTarget target) {
        return written(target).removal(service.get().removeProfile(target.profile()));
    }

    private WrittenProfile written(ChainedRoleTarget target) {
        return new WrittenProfile(target.profile(), credentialsFile(target));
    }

    @Override
    public void forget(ChainedRoleTarget target) {
        service.get().forget(target);
    }

    @Override
    public Path credentialsFile(ChainedRoleTarget target) {
        return files.credentialsFile();
    }

    @Override
    public String writesTo(ChainedRoleTarget target) {
        return target.destination();
    }

    @Override
    public String identity(ChainedRoleTarget target) {
        return target.roleArn();
    }

    @Override
    public TargetPresentation presentation(ChainedRoleTarget target, Path credentialsFile) {
        return AwsRoleRow.forProfile(target.roleArn(), List.of(new TargetPresentation.Line(
                "through " + target.source(), "Reached through the target " + target.source())),
                target.profile(), credentialsFile, List.of(AwsConsoleAction.of(target.roleArn())));
    }

    @Override
    public Optional<TargetPresentation.ReplaceQuestion> replaceQuestion(ChainedRoleTarget target,
                                                                        NotWrittenByFedcredException refusal) {
        return Optional.of(AwsRoleRow.replaceQuestion(target.profile(), refusal));
    }

    @Override
    public String profile(ChainedRoleTarget target) {
        return target.profile();
    }

    @Override
    public String region(ChainedRoleTarget target) {
        return target.region();
    }

    @Override
    public URI stsEndpoint(ChainedRoleTarget target) {
        return chains.endpoint(target);
    }

    /** The source's federation endpoint: a chained role has none of its own, and signs in where its chain does. */
    @Override
    public AwsConsoleSignIn.Role consoleRole(ChainedRoleTarget target) {
        return new AwsConsoleSignIn.Role(target.roleArn(), target.sessionDuration(),
                chains.source(target).consoleRole().federationEndpoint());
    }

    @Override
    public AwsConsoleSignIn consoleSignIn() {
        return new AwsConsoleSignIn(clock);
    }

    @Override
    public Optional<AssumedRole> reusable(ChainedRoleTarget target) {
        return service.get().reusable(target);
    }

    @Override
    public AssumedRole current(ChainedRoleTarget target) {
        return service.get().current(target);
    }
}
