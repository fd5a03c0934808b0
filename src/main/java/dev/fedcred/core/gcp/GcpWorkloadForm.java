package dev.fedcred.core.gcp;

import dev.fedcred.core.targets.SettingInput;
import dev.fedcred.core.targets.SettingTexts;
import dev.fedcred.core.targets.TargetField;
import dev.fedcred.core.targets.TargetForm;
import dev.fedcred.core.targets.TargetSetting;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The settings of a GCP workload identity target: their keys, and how the window's dialog and the
 * command line show them. The endpoint overrides show in the dialog only for a target that has
 * them (the command line sets them for emulators).
 */
final class GcpWorkloadForm {
    static final TargetField PROJECT_NUMBER = new TargetField("project_number");
    static final TargetField POOL = new TargetField("pool");
    static final TargetField PROVIDER = new TargetField("provider");
    static final TargetField SERVICE_ACCOUNT = new TargetField("service_account");
    static final TargetField SCOPES = new TargetField("scopes");
    static final TargetField LIFETIME = new TargetField("lifetime_seconds");
    static final TargetField ADC_FILE = new TargetField("adc_file");
    static final TargetField ADC_SOURCE = new TargetField(AdcSource.SETTING);
    static final TargetField STS_ENDPOINT = new TargetField("sts_endpoint");
    static final TargetField IAM_CREDENTIALS_ENDPOINT = new TargetField("iamcredentials_endpoint");
    static final TargetField TRUSTED_CA_FILE = new TargetField("trusted_ca_file");

    private GcpWorkloadForm() {
    }

    /** @param defaultAdcFile where a target without a file of its own writes */
    static TargetForm of(Path defaultAdcFile) {
        String lifetime = String.valueOf(GcpWorkloadTarget.DEFAULT_LIFETIME.toSeconds());
        return new TargetForm("gcp-dev, gcp-prod, …", List.of(TargetSetting.ISSUER,
                TargetSetting.required(PROJECT_NUMBER, "Project number", "the pool's project number (digits)")
                        .withPlaceholder("123456789012").withHint("The number of the pool's project, not its ID."),
                TargetSetting.required(POOL, "Pool ID", "the workload identity pool ID").withPlaceholder("my-pool"),
                TargetSetting.required(PROVIDER, "Provider ID", "the pool's OIDC provider ID").withPlaceholder("my-provider"),
                TargetSetting.optional(SERVICE_ACCOUNT, "Service account", "the service account to impersonate (default:"
                                + " none)").withPlaceholder("NAME@PROJECT_ID.iam.gserviceaccount.com")
                        .withHint("Optional: without one, tools use the federated token directly."),
                TargetSetting.optional(SCOPES, "Scopes", "OAuth scopes, separated by commas (default: cloud-platform)")
                        .withPlaceholder(GcpWorkloadTarget.CLOUD_PLATFORM_SCOPE)
                        .withInitial(GcpWorkloadTarget.CLOUD_PLATFORM_SCOPE).withHint("Separated by spaces."),
                TargetSetting.optional(LIFETIME, "Token lifetime", "an impersonated token's lifetime, 600 to 43200"
                                + " (default " + lifetime + ")").withPlaceholder(lifetime).withInitial(lifetime)
                        .withHint("Seconds, 600 to 43200, of an impersonated token; over 3600 needs an organization"
                                + " policy."),
                TargetSetting.optional(ADC_FILE, "ADC file", "the ADC file to write, a full path (default: gcloud's)")
                        .withPlaceholder(defaultAdcFile.toString())
                        .withHint("Optional: empty means " + defaultAdcFile + ", where gcloud and Google's libraries look.")
                        .withInput(new SettingInput.FileToWrite(defaultAdcFile, "Google ADC file",
                                "Browse for the ADC file")),
                TargetSetting.optional(ADC_SOURCE, "ID token source", "where the ADC file gets ID tokens: executable"
                                + " (runs fedcred, renews itself; needs GOOGLE_EXTERNAL_ACCOUNT_ALLOW_EXECUTABLES=1) or file"
                                + " (fresh while fedcred renews). Default: executable, but an ADC file fedcred wrote with"
                                + " the file source keeps it")
                        .withInput(new SettingInput.OneOf("Default (runs fedcred; keeps an existing file source)",
                                List.of(new SettingInput.Option(AdcSource.EXECUTABLE.word(), "Runs fedcred (renews itself)"),
                                        new SettingInput.Option(AdcSource.FILE.word(),
                                                "A token file (fresh while fedcred renews)"))))
                        .withHint("Google's tools run fedcred only with GOOGLE_EXTERNAL_ACCOUNT_ALLOW_EXECUTABLES=1;"
                                + " `fedcred gcp allow-executables` prints the line for your shell profile."),
                TargetSetting.optional(STS_ENDPOINT, "STS endpoint", "another Google STS token URL")
                        .withPlaceholder(GcpWorkloadTarget.GOOGLE_STS.toString()).shownOnlyWhenSet(),
                TargetSetting.optional(IAM_CREDENTIALS_ENDPOINT, "IAM Credentials endpoint",
                                "another IAM Credentials base URL")
                        .withPlaceholder(GcpWorkloadTarget.GOOGLE_IAM_CREDENTIALS.toString()).shownOnlyWhenSet(),
                TargetSetting.optional(TRUSTED_CA_FILE, "CA file", "trust only the CAs in this PEM file for both endpoints")
                        .withPlaceholder("the JDK's").withHint("Trust only the CAs in this PEM file for both endpoints.")
                        .shownOnlyWhenSet()),
                texts -> "Writes Google's Application Default Credentials to "
                        + (texts.isSet(ADC_FILE) ? texts.text(ADC_FILE) : defaultAdcFile) + ".",
                Set.of(ADC_FILE));
    }
}
