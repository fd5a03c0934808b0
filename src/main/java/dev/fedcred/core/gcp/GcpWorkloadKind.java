package dev.fedcred.core.gcp;

import dev.fedcred.core.aws.profiles.AwsFileLocations;
import dev.fedcred.core.FedcredException;
import dev.fedcred.core.targets.TargetField;
import dev.fedcred.core.targets.TargetKind;
import dev.fedcred.core.targets.NotWrittenByFedcredException;
import dev.fedcred.core.targets.TargetPresentation;
import dev.fedcred.core.launch.Launcher;
import dev.fedcred.core.settings.TargetRegistry;
import dev.fedcred.core.launch.ShellWords;
import dev.fedcred.core.text.TimeLeft;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fedcred.core.targets.SettingKey;
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

/**
 * A Google Cloud workload identity provider: the ID token exchanged for an access token (proof
 * the setup works) and an Application Default Credentials file written for gcloud and Google's
 * libraries. The access token never shows.
 */
public final class GcpWorkloadKind implements TargetKind<GcpWorkloadTarget> {
    public static final String ID = "gcp";

    /** Built on first use, so reading the settings never builds the service. */
    private final Supplier<GcpCredentialService> service;
    private final AwsFileLocations awsFiles;
    private final Clock clock;
    /** Whether this process's environment lets Google's libraries run an executable source, for assume's hint. */
    private final boolean executablesAllowed;

    public GcpWorkloadKind(Supplier<GcpCredentialService> service, AwsFileLocations awsFiles, Clock clock) {
        this(service, awsFiles, clock, false);
    }

    public GcpWorkloadKind(Supplier<GcpCredentialService> service, AwsFileLocations awsFiles, Clock clock,
                           boolean executablesAllowed) {
        this.service = service;
        this.awsFiles = awsFiles;
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
    public List<SettingKey> settingKeys() {
        return List.of(SettingKey.required("project_number", "the pool's project number (digits)"),
                SettingKey.required("pool", "the workload identity pool ID"),
                SettingKey.required("provider", "the pool's OIDC provider ID"),
                SettingKey.optional("service_account", "the service account to impersonate (default: none)"),
                SettingKey.optional("scopes", "OAuth scopes, separated by commas (default: cloud-platform)"),
                SettingKey.optional("lifetime_seconds", "an impersonated token's lifetime, 600 to 43200 (default 3600)"),
                SettingKey.optional("adc_file", "the ADC file to write, a full path (default: gcloud's)"),
                SettingKey.optional(AdcSource.SETTING, "where the ADC file gets ID tokens: executable (runs fedcred,"
                        + " renews itself; needs GOOGLE_EXTERNAL_ACCOUNT_ALLOW_EXECUTABLES=1) or file (fresh while fedcred"
                        + " renews). Default: executable, but an ADC file fedcred wrote with the file source keeps it"),
                SettingKey.ISSUER,
                SettingKey.optional("sts_endpoint", "another Google STS token URL"),
                SettingKey.optional("iamcredentials_endpoint", "another IAM Credentials base URL"),
                SettingKey.optional("trusted_ca_file", "trust only the CAs in this PEM file for both endpoints"));
    }

    @Override
    public GcpWorkloadTarget read(TargetEntry entry) {
        return new GcpWorkloadTarget(entry.name(), entry.requiredText("project_number"), entry.requiredText("pool"),
                entry.requiredText("provider"), entry.optionalText("service_account"), entry.textList("scopes"),
                Duration.ofSeconds(entry.optionalWholeNumber("lifetime_seconds",
                        GcpWorkloadTarget.DEFAULT_LIFETIME.toSeconds())),
                entry.optional("adc_file", Path::of), entry.optionalText("issuer"),
                entry.optional("sts_endpoint", URI::create), entry.optional("iamcredentials_endpoint", URI::create),
                entry.optional("trusted_ca_file", Path::of), entry.optional(AdcSource.SETTING, AdcSource::parse));
    }

    @Override
    public void write(GcpWorkloadTarget target, ObjectNode entry) {
        entry.put("project_number", target.projectNumber());
        entry.put("pool", target.poolId());
        entry.put("provider", target.providerId());
        SettingsValues.putIfSet(entry, "service_account", target.serviceAccount());
        ArrayNode scopes = entry.putArray("scopes");
        target.scopes().forEach(scopes::add);
        entry.put("lifetime_seconds", target.tokenLifetime().toSeconds());
        SettingsValues.putIfSet(entry, "adc_file", target.adcFile());
        SettingsValues.putIfSet(entry, "sts_endpoint", target.stsEndpoint());
        SettingsValues.putIfSet(entry, "iamcredentials_endpoint", target.iamCredentialsEndpoint());
        SettingsValues.putIfSet(entry, "trusted_ca_file", target.trustedCaFile());
        if (target.adcSource() != null) {
            entry.put(AdcSource.SETTING, target.adcSource().word());
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
                .map(problem -> Map.of(TargetField.ADC_FILE, problem)).orElse(Map.of());
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
}
