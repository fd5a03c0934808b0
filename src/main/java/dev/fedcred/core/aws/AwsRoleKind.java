package dev.fedcred.core.aws;

import dev.fedcred.core.aws.profiles.ProfileState;
import dev.fedcred.core.targets.TargetField;
import dev.fedcred.core.targets.TargetKind;
import dev.fedcred.core.targets.NotWrittenByFedcredException;
import dev.fedcred.core.targets.TargetPresentation;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fedcred.core.targets.TargetForm;
import dev.fedcred.core.aws.profiles.AwsFileLocations;
import dev.fedcred.core.targets.SettingsValues;
import dev.fedcred.core.targets.TargetEntry;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import dev.fedcred.core.targets.CheckContext;
import dev.fedcred.core.targets.DryRun;
import dev.fedcred.core.targets.Finding;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import static dev.fedcred.core.aws.AwsRoleForm.DURATION;
import static dev.fedcred.core.aws.AwsRoleForm.PROFILE;
import static dev.fedcred.core.aws.AwsRoleForm.REGION;
import static dev.fedcred.core.aws.AwsRoleForm.ROLE_ARN;
import static dev.fedcred.core.aws.AwsRoleForm.SESSION_NAME;
import static dev.fedcred.core.aws.AwsRoleForm.STS_ENDPOINT;

/** An IAM role assumed with the ID token and written as a profile of the shared credentials file. */
public final class AwsRoleKind implements AwsSessionKind<AwsRoleTarget> {
    public static final String ID = "aws";

    /** Built on first use, so reading the settings never builds the service. */
    private final Supplier<AwsCredentialService> service;
    private final AwsFileLocations files;
    private final Clock clock;

    /** @param files where profiles go, for the dialog's "Writes the profile … to …" */
    public AwsRoleKind(Supplier<AwsCredentialService> service, AwsFileLocations files, Clock clock) {
        this.service = service;
        this.files = files;
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
    public TargetForm form() {
        return AwsRoleForm.of(files);
    }

    @Override
    public AwsRoleTarget read(TargetEntry entry) {
        return new AwsRoleTarget(entry.name(), entry.requiredText(ROLE_ARN.key()), entry.requiredText(PROFILE.key()),
                entry.optionalText(REGION.key()), Duration.ofSeconds(entry.optionalWholeNumber(DURATION.key(),
                        AwsRoleTarget.DEFAULT_DURATION.toSeconds())),
                entry.optionalText(SESSION_NAME.key()), entry.optionalText(TargetField.ISSUER.key()),
                entry.optional(STS_ENDPOINT.key(), URI::create),
                entry.optional(AwsRoleForm.FEDERATION_ENDPOINT.key(), URI::create));
    }

    @Override
    public void write(AwsRoleTarget target, ObjectNode entry) {
        entry.put(ROLE_ARN.key(), target.roleArn());
        entry.put(PROFILE.key(), target.profile());
        SettingsValues.putIfSet(entry, REGION.key(), target.region());
        entry.put(DURATION.key(), target.sessionDuration().toSeconds());
        SettingsValues.putIfSet(entry, SESSION_NAME.key(), target.roleSessionName());
        SettingsValues.putIfSet(entry, STS_ENDPOINT.key(), target.stsEndpoint());
        SettingsValues.putIfSet(entry, AwsRoleForm.FEDERATION_ENDPOINT.key(), target.federationEndpoint());
    }

    @Override
    public Map<TargetField, String> problems(AwsRoleTarget target) {
        return AwsRoleRules.problems(target);
    }

    @Override
    public Obtained obtain(AwsRoleTarget target, boolean force) {
        AssumedRole role = service.get().assumeAndWrite(target, force);
        return written(target).obtained(role, "", target.stsEndpoint(), clock.instant());
    }

    @Override
    public List<Finding> check(AwsRoleTarget target, CheckContext context) {
        List<Finding> findings = new ArrayList<>();
        Optional<String> arnProblem = AwsRoleRules.roleArnProblem(target.roleArn());
        arnProblem.ifPresent(problem -> findings.add(Finding.error("The role ARN of " + target.name() + " is wrong: "
                + problem, "Set role_arn to the role's ARN, shaped " + AwsRoleRules.ROLE_ARN_SHAPE + ".")));
        findings.addAll(AwsProfileChecks.check(target.profile(), service.get().files(), context));
        if (context.live() && arnProblem.isEmpty()) {
            findings.add(DryRun.of("AssumeRoleWithWebIdentity for " + target.roleArn(),
                    () -> "STS gave credentials for " + service.get().tryAssume(target).assumedRoleArn()));
        }
        return findings;
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
        return written(target).removal(service.get().removeProfile(target.profile()));
    }

    private WrittenProfile written(AwsRoleTarget target) {
        return new WrittenProfile(target.profile(), credentialsFile(target));
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
    public AwsConsoleSignIn.Role consoleRole(AwsRoleTarget target) {
        return new AwsConsoleSignIn.Role(target.roleArn(), target.sessionDuration(), target.federationEndpoint());
    }

    @Override
    public AwsConsoleSignIn consoleSignIn() {
        return new AwsConsoleSignIn(clock);
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
