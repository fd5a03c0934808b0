package dev.fedcred.ui.targets;

import dev.fedcred.core.aws.AwsRoleTarget;
import dev.fedcred.core.gcp.GcpWorkloadTarget;
import dev.fedcred.core.targets.SettingTexts;
import dev.fedcred.core.targets.TargetField;
import dev.fedcred.core.targets.TargetKind;
import dev.fedcred.core.targets.TargetKinds;
import dev.fedcred.core.targets.TargetValidation;
import dev.fedcred.testing.TestTargetKinds;
import dev.fedcred.ui.targets.TargetFormCheck.DiskCheck;
import dev.fedcred.ui.targets.TargetFormCheck.Result;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The target dialog's reading and checking, for the two real kinds, without JavaFX. */
class TargetFormCheckTest {
    private static final Path ADC = Path.of("/home/u/gcloud/adc.json").toAbsolutePath();
    private static final TargetField NAME = TargetField.NAME;
    private static final TargetField ISSUER = TargetField.ISSUER;
    private static final TargetField ROLE_ARN = new TargetField("role_arn");
    private static final TargetField DURATION = new TargetField("duration_seconds");
    private static final TargetField ADC_FILE = new TargetField("adc_file");
    private static final TargetField STS = new TargetField("sts_endpoint");

    private final TargetKinds kinds = TestTargetKinds.withoutServices(Path.of("/home/u"));
    private final TargetFormCheck aws = check("aws");
    private final TargetFormCheck gcp = check("gcp");

    private TargetFormCheck check(String kindId) {
        TargetKind<?> kind = kinds.byId(kindId).orElseThrow();
        return new TargetFormCheck(kind, Set.of("sandbox-aws", "taken"), Set.of("sandbox", "google"),
                new TargetValidation(kinds));
    }

    private static SettingTexts texts(String... keysAndValues) {
        Map<TargetField, String> texts = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            texts.put(new TargetField(keysAndValues[i]), keysAndValues[i + 1]);
        }
        return new SettingTexts(texts);
    }

    private static SettingTexts aws(String name, String issuer, String arn, String duration) {
        return texts("name", name, "issuer", issuer, "role_arn", arn, "profile", "prod", "region", " eu-west-1 ",
                "duration_seconds", duration, "role_session_name", "", "sts_endpoint", "");
    }

    private static SettingTexts gcp(String project, String serviceAccount, String adcFile, String sts) {
        return texts("name", "gcp-dev", "issuer", "", "project_number", project, "pool", "my-pool", "provider",
                "my-provider", "service_account", serviceAccount, "scopes", "a b,a", "lifetime_seconds", "",
                "adc_file", adcFile, "sts_endpoint", sts);
    }

    @Test
    void aValidAwsFormBecomesTheTargetWithItsDefaults() {
        Result result = aws.check(aws(" prod-ro ", "google", "arn:aws-cn:iam::123456789012:role/ReadOnly", ""), null);

        assertThat(result.errors()).isEmpty();
        assertThat(result.valid()).isTrue();
        assertThat(result.target()).isEqualTo(new AwsRoleTarget("prod-ro", "arn:aws-cn:iam::123456789012:role/ReadOnly",
                "prod", "eu-west-1", AwsRoleTarget.DEFAULT_DURATION, null, "google", null));
    }

    @Test
    void eachFieldSaysWhatIsWrongWithItInTheFormsOrder() {
        Result result = aws.check(texts("name", "taken", "issuer", "gone", "role_arn", "arn:aws:iam::1:role/x",
                "profile", "my profile", "region", "Europe", "duration_seconds", "an hour", "role_session_name", "x",
                "sts_endpoint", "ftp://sts.example.com"), null);

        assertThat(result.valid()).isFalse();
        assertThat(result.errors().keySet()).extracting(TargetField::key).containsExactly("name", "issuer", "role_arn",
                "profile", "region", "duration_seconds", "role_session_name", "sts_endpoint");
        assertThat(result.errors().get(NAME)).contains("already a target named \"taken\"");
        assertThat(result.errors().get(ISSUER)).contains("no issuer named \"gone\"");
        assertThat(result.errors().get(ROLE_ARN)).contains("arn:aws:iam::123456789012:role/NAME");
        assertThat(result.errors().get(DURATION)).isEqualTo("Enter a whole number, such as 3600.");
        assertThat(aws.check(aws("dev", "", "arn:aws:iam::123456789012:role/x", "899"), null).errors())
                .containsOnlyKeys(DURATION);
        assertThat(aws.check(aws("dev", "", "arn:aws:iam::123456789012:role/x", "43200"), null).valid()).isTrue();
    }

    @Test
    void gcpChecksProjectNumberAndServiceAccountAndScopes() {
        Result bad = gcp.check(gcp("my-project", "ci", "", ""), null);
        assertThat(bad.errors().keySet()).extracting(TargetField::key).containsOnly("project_number", "service_account");

        Result good = gcp.check(gcp("123456789012", "", "", ""), null);
        assertThat(good.target()).isEqualTo(new GcpWorkloadTarget("gcp-dev", "123456789012", "my-pool", "my-provider",
                null, List.of("a", "b"), Duration.ofHours(1), null, null, null, null, null));
        assertThat(good.valid()).as("no ADC file of its own: nothing to ask the disk").isTrue();
    }

    @Test
    void anAdcFileIsSavedOnlyOnceTheDiskHasBeenAskedAboutIt() {
        Result first = gcp.check(gcp("1", "", ADC.toString(), ""), null);
        assertThat(first.valid()).isFalse();
        assertThat(first.errors()).isEmpty();
        assertThat(first.toCheckOnDisk()).isEqualTo(Map.of(ADC_FILE, ADC.toString()));

        DiskCheck fine = new DiskCheck(Map.of(ADC_FILE, ADC.toString()), Map.of());
        assertThat(gcp.check(gcp("1", "", ADC.toString(), ""), fine).valid()).isTrue();
        DiskCheck folder = new DiskCheck(Map.of(ADC_FILE, ADC.toString()), Map.of(ADC_FILE, "is a folder"));
        assertThat(gcp.check(gcp("1", "", ADC.toString(), ""), folder).errors()).containsEntry(ADC_FILE, "is a folder");
        assertThat(gcp.check(gcp("1", "", ADC.toString() + ".2", ""), folder).toCheckOnDisk())
                .as("another file is asked about again").isEqualTo(Map.of(ADC_FILE, ADC + ".2"));
        Result relative = gcp.check(gcp("1", "", "relative.json", ""), null);
        assertThat(relative.errors().get(ADC_FILE)).contains("full path");
        assertThat(relative.toCheckOnDisk()).as("refused without the disk").isNull();
        assertThat(gcp.check(gcp("1", "", "", "not a url"), null).errors().get(STS))
                .startsWith("This is not a URL: Illegal character in path").endsWith("Leave it empty for the cloud's own endpoint.");
        assertThat(gcp.check(gcp("1", "", "", "http://127.0.0.1/v1/token"), null).errors().get(STS))
                .contains("must be an https URL");
    }
}
