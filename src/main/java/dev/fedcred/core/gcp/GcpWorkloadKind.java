package dev.fedcred.core.gcp;

import dev.fedcred.core.aws.profiles.AwsFileLocations;
import dev.fedcred.core.FedcredException;
import dev.fedcred.core.targets.TargetField;
import dev.fedcred.core.targets.TargetKind;
import dev.fedcred.core.targets.CheckContext;
import dev.fedcred.core.targets.Finding;
import dev.fedcred.core.targets.NotWrittenByFedcredException;
import dev.fedcred.core.targets.TargetPresentation;
import dev.fedcred.core.launch.Launcher;
import dev.fedcred.core.settings.TargetRegistry;
import dev.fedcred.core.launch.ShellWords;
import dev.fedcred.core.text.TimeLeft;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fedcred.core.targets.TargetForm;
import dev.fedcred.core.targets.SettingsValues;
import dev.fedcred.core.targets.TargetEntry;
import java.net.URI;
import java.time.Duration;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import static dev.fedcred.core.gcp.GcpWorkloadForm.ADC_FILE;
import static dev.fedcred.core.gcp.GcpWorkloadForm.ADC_SOURCE;
import static dev.fedcred.core.gcp.GcpWorkloadForm.IAM_CREDENTIALS_ENDPOINT;
import static dev.fedcred.core.gcp.GcpWorkloadForm.LIFETIME;
import static dev.fedcred.core.gcp.GcpWorkloadForm.POOL;
import static dev.fedcred.core.gcp.GcpWorkloadForm.PROJECT_NUMBER;
import static dev.fedcred.core.gcp.GcpWorkloadForm.PROVIDER;
import static dev.fedcred.core.gcp.GcpWorkloadForm.SCOPES;
import static dev.fedcred.core.gcp.GcpWorkloadForm.SERVICE_ACCOUNT;
import static dev.fedcred.core.gcp.GcpWorkloadForm.STS_ENDPOINT;
import static dev.fedcred.core.gcp.GcpWorkloadForm.TRUSTED_CA_FILE;

/**
 * A Google Cloud workload identity provider: the ID token exchanged for an access token (proof
 * the setup works) and an Application Default Credentials file written for gcloud and Google's
 * libraries. The access token never shows.
 */
public final class GcpWorkloadKind implements GcpTokenKind<GcpWorkloadTarget> {
    public static final String ID = "gcp";

    /** Built on first use, so reading the settings never builds the service. */
    private final Supplier<GcpCredentialService> service;
    private final AwsFileLocations awsFiles;
    private final AdcLocations adcLocations;
    private final Clock clock;
    /** Whether this process's environment lets Google's libraries run an executable source, for assume's hint. */
    private final boolean executablesAllowed;

    public GcpWorkloadKind(Supplier<GcpCredentialService> service, AwsFileLocations awsFiles, AdcLocations adcLocations,
                           Clock clock) {
        this(service, awsFiles, adcLocations, clock, false);
    }

    /**
     * @param awsFiles           the AWS files, which an ADC file must not be
     * @param adcLocations       where a target without an ADC file of its own writes, for the dialog
     * @param executablesAllowed whether this process's environment lets Google's libraries run an
     *                           executable source, for assume's hint
     */
    public GcpWorkloadKind(Supplier<GcpCredentialService> service, AwsFileLocations awsFiles, AdcLocations adcLocations,
                           Clock clock, boolean executablesAllowed) {
        this.service = service;
        this.awsFiles = awsFiles;
        this.adcLocations = adcLocations;
        this.clock = clock;
        this.executablesAllowed = executablesAllowed;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "GCP workload identity";
    }

    @Override
    public Class<GcpWorkloadTarget> targetClass() {
        return GcpWorkloadTarget.class;
    }

    @Override
    public TargetForm form() {
        return GcpWorkloadForm.of(adcLocations.defaultFile());
    }

    @Override
    public GcpWorkloadTarget read(TargetEntry entry) {
        return new GcpWorkloadTarget(entry.name(), entry.requiredText(PROJECT_NUMBER.key()),
                entry.requiredText(POOL.key()), entry.requiredText(PROVIDER.key()),
                entry.optionalText(SERVICE_ACCOUNT.key()), entry.textList(SCOPES.key()),
                Duration.ofSeconds(entry.optionalWholeNumber(LIFETIME.key(),
                        GcpWorkloadTarget.DEFAULT_LIFETIME.toSeconds())),
                entry.optional(ADC_FILE.key(), Path::of), entry.optionalText(TargetField.ISSUER.key()),
                entry.optional(STS_ENDPOINT.key(), URI::create), entry.optional(IAM_CREDENTIALS_ENDPOINT.key(), URI::create),
                entry.optional(TRUSTED_CA_FILE.key(), Path::of), entry.optional(ADC_SOURCE.key(), AdcSource::parse));
    }

    @Override
    public void write(GcpWorkloadTarget target, ObjectNode entry) {
        entry.put(PROJECT_NUMBER.key(), target.projectNumber());
        entry.put(POOL.key(), target.poolId());
        entry.put(PROVIDER.key(), target.providerId());
        SettingsValues.putIfSet(entry, SERVICE_ACCOUNT.key(), target.serviceAccount());
        ArrayNode scopes = entry.putArray(SCOPES.key());
        target.scopes().forEach(scopes::add);
        entry.put(LIFETIME.key(), target.tokenLifetime().toSeconds());
        SettingsValues.putIfSet(entry, ADC_FILE.key(), target.adcFile());
        SettingsValues.putIfSet(entry, STS_ENDPOINT.key(), target.stsEndpoint());
        SettingsValues.putIfSet(entry, IAM_CREDENTIALS_ENDPOINT.key(), target.iamCredentialsEndpoint());
        SettingsValues.putIfSet(entry, TRUSTED_CA_FILE.key(), target.trustedCaFile());
        if (target.adcSource() != null) {
            entry.put(ADC_SOURCE.key(), target.adcSource().word());
        }
    }

    @Override
    public Map<TargetField, String> problems(GcpWorkloadTarget target) {
        return GcpWorkloadRules.problems(target);
    }

    @Override
    public Map<TargetField, String> problemsOnDisk(GcpWorkloadTarget target) {
        if (target.adcFile() == null) {
            return Map.of();
        }
        return GcpWorkloadRules.adcFileProblem(target.adcFile(), awsFiles)
                .map(problem -> Map.of(ADC_FILE, problem)).orElse(Map.of());
    }

    @Override
    public Obtained obtain(GcpWorkloadTarget target, boolean force) {
        WrittenAdc written = service.get().assumeAndWrite(target, force);
        GcpAccessToken token = written.token();
        // only what may show: the files and who Google sees, never the access token
        String notice = "Wrote Google ADC " + written.adcFile() + " for "
                + (token.serviceAccount() == null ? token.principal() : token.serviceAccount())
                + written.backup().map(b -> "; kept your previous file as " + b).orElse("");
        List<String> report = new ArrayList<>();
        written.backup().ifPresent(backup -> report.add("Kept the previous ADC file as " + backup
                + "; `" + Launcher.current().forPeople("gcp", "remove", target.name()) + "` puts it back."));
        report.add("Wrote Application Default Credentials to " + written.adcFile() + " for " + token.principal()
                + (written.source() == AdcSource.EXECUTABLE ? "; Google's libraries and gcloud get each ID token by"
                + " running `" + written.command() + "`, which renews it through your refresh token: the file works"
                + " as long as you stay signed in, with or without fedcred's window."
                : " (ID token in " + written.subjectTokenFile() + ")."));
        report.add("Access token expires " + token.expiresAt() + " (in " + TimeLeft.between(clock.instant(),
                token.expiresAt()) + "); the ID token it is made from expires " + written.idTokenExpiresAt() + " (in "
                + TimeLeft.between(clock.instant(), written.idTokenExpiresAt()) + ")"
                + (written.source() == AdcSource.EXECUTABLE ? "." : ", and fedcred rewrites it on every renewal: the"
                + " file stays usable while the app is open or `" + Launcher.current().forPeople("refresh") + "` runs."
                + " With " + AdcSource.SETTING + "=" + AdcSource.EXECUTABLE.word() + " it renews itself."));
        if (written.source() == AdcSource.EXECUTABLE) {
            report.add(ExecutableHints.allowLine(executablesAllowed));
        }
        String adc = ShellWords.quoted(written.adcFile().toString());
        report.add("Use it with: GOOGLE_APPLICATION_CREDENTIALS=" + adc + " (Google's libraries),"
                + " `gcloud auth login --cred-file=" + adc + "`, or CLOUDSDK_AUTH_ACCESS_TOKEN=$("
                + Launcher.current().forPeople("gcp", "print-access-token", target.name()) + ").");
        if (target.trustedCaFile() != null) {
            report.add(trustHint(target));
        }
        return new Obtained(token.expiresAt(), notice, report);
    }

    /**
     * Endpoints behind their own CA (the sandbox's) are trusted by Python (requests), Node and gcloud
     * only when told; Python's google-auth also asks Cloud Resource Manager for the project unless named.
     */
    private static String trustHint(GcpWorkloadTarget target) {
        String ca = ShellWords.quoted(target.trustedCaFile().toString());
        boolean sandbox = TargetRegistry.SANDBOX_GCP.equals(target.name());
        return "Its endpoints use " + (sandbox ? "the sandbox's own CA" : "their own CA") + "; for Python, Node and"
                + " gcloud first run: export REQUESTS_CA_BUNDLE=" + ca + " NODE_EXTRA_CA_CERTS=" + ca
                + " CLOUDSDK_CORE_CUSTOM_CA_CERTS_FILE=" + ca + (sandbox ? " GOOGLE_CLOUD_PROJECT=" + TargetRegistry.SANDBOX_GCP_PROJECT_ID : "");
    }

    @Override
    public List<Finding> check(GcpWorkloadTarget target, CheckContext context) {
        return new GcpWorkloadChecks(service).check(target, context);
    }

    @Override
    public Optional<Instant> cachedExpiry(GcpWorkloadTarget target) {
        return service.get().cached(target).map(GcpAccessToken::expiresAt);
    }

    @Override
    public boolean writtenByFedcred(GcpWorkloadTarget target) {
        try {
            return AdcFileWriter.readIfExists(credentialsFile(target)).flatMap(ExternalAccountAdc::managedBy)
                    .filter(target.name()::equals).isPresent();
        } catch (FedcredException unreadable) {
            return false;
        }
    }

    @Override
    public Removal removeWritten(GcpWorkloadTarget target) {
        Path file = credentialsFile(target);
        return switch (service.get().removeAdc(target)) {
            case REMOVED -> new Removal("Removed the Google ADC file " + file + ".", false);
            case REMOVED_AND_RESTORED -> new Removal("Removed fedcred's credentials from " + file
                    + " and put back the file it had replaced.", true);
            case NOTHING_TO_REMOVE -> new Removal("There was no Google ADC file at " + file + ".", false);
        };
    }

    @Override
    public void forget(GcpWorkloadTarget target) {
        service.get().forget(target);
    }

    @Override
    public Path credentialsFile(GcpWorkloadTarget target) {
        return service.get().adcFile(target);
    }

    @Override
    public String writesTo(GcpWorkloadTarget target) {
        return "ADC " + credentialsFile(target);
    }

    @Override
    public String identity(GcpWorkloadTarget target) {
        return target.serviceAccount() != null ? target.serviceAccount()
                : "pool " + target.poolId() + " (no service account)";
    }

    @Override
    public TargetPresentation presentation(GcpWorkloadTarget target, Path credentialsFile) {
        return GcpWorkloadRow.of(target, credentialsFile);
    }

    @Override
    public Optional<TargetPresentation.ReplaceQuestion> replaceQuestion(GcpWorkloadTarget target,
                                                                        NotWrittenByFedcredException refusal) {
        return GcpWorkloadRow.replaceQuestion(target, refusal);
    }

    @Override
    public GcpAccessToken currentAccessToken(GcpWorkloadTarget target) {
        return service.get().current(target);
    }
}
