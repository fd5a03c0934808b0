package dev.fedcred.ui.targets;

import dev.fedcred.core.aws.AwsRoleTarget;
import dev.fedcred.core.gcp.GcpWorkloadTarget;
import dev.fedcred.core.targets.TargetField;
import dev.fedcred.testing.TestTargetKinds;
import dev.fedcred.ui.targets.TargetForm.AwsValues;
import dev.fedcred.ui.targets.TargetForm.FileCheck;
import dev.fedcred.ui.targets.TargetForm.GcpValues;
import dev.fedcred.ui.targets.TargetForm.Result;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TargetFormTest {
    private static final Path ADC = Path.of("/home/u/gcloud/adc.json").toAbsolutePath();
    private final TargetForm form = new TargetForm(Set.of("sandbox-aws", "taken"), Set.of("sandbox", "google"),
            TestTargetKinds.validation(Path.of("/home/u")));

    private static AwsValues aws(String name, String issuer, String arn, String duration) {
        return new AwsValues(name, issuer, arn, "prod", " eu-west-1 ", duration, "", "");
    }

    private static GcpValues gcp(String project, String serviceAccount, String adcFile) {
        return new GcpValues("gcp-dev", "", project, "my-pool", "my-provider", serviceAccount, "a b,a", "",
                adcFile, "", "", "");
    }

    @Test
    void aValidAwsFormBecomesTheTargetWithItsDefaults() {
        Result result = form.checkAws(aws(" prod-ro ", "google", "arn:aws-cn:iam::123456789012:role/ReadOnly", ""));

        assertThat(result.errors()).isEmpty();
        assertThat(result.target()).isEqualTo(new AwsRoleTarget("prod-ro", "arn:aws-cn:iam::123456789012:role/ReadOnly",
                "prod", "eu-west-1", AwsRoleTarget.DEFAULT_DURATION, null, "google", null));
    }

    @Test
    void eachFieldSaysWhatIsWrongWithIt() {
        Result result = form.checkAws(new AwsValues("taken", "gone", "arn:aws:iam::1:role/x", "my profile", "Europe",
                "an hour", "x", "ftp://sts.example.com"));

        assertThat(result.valid()).isFalse();
        assertThat(result.errors()).containsOnlyKeys(TargetField.NAME, TargetField.ISSUER, TargetField.ROLE_ARN,
                TargetField.PROFILE, TargetField.REGION, TargetField.DURATION, TargetField.SESSION_NAME,
                TargetField.STS_ENDPOINT);
        assertThat(result.errors().get(TargetField.NAME)).contains("already a target named \"taken\"");
        assertThat(result.errors().get(TargetField.ISSUER)).contains("no issuer named \"gone\"");
        assertThat(result.errors().get(TargetField.ROLE_ARN)).contains("arn:aws:iam::123456789012:role/NAME");
        assertThat(result.errors().get(TargetField.DURATION)).isEqualTo(
                "Enter a whole number of seconds, such as 3600 for an hour.");
        assertThat(form.checkAws(aws("dev", "", "arn:aws:iam::123456789012:role/x", "899")).errors())
                .containsOnlyKeys(TargetField.DURATION);
        assertThat(form.checkAws(aws("dev", "", "arn:aws:iam::123456789012:role/x", "43200")).valid()).isTrue();
    }

    @Test
    void gcpChecksProjectNumberAndServiceAccountAndScopes() {
        Result bad = form.checkGcp(gcp("my-project", "ci", ""), null);
        assertThat(bad.errors()).containsOnlyKeys(TargetField.PROJECT_NUMBER, TargetField.SERVICE_ACCOUNT);

        Result good = form.checkGcp(gcp("123456789012", "", ""), null);
        assertThat(good.target()).isEqualTo(new GcpWorkloadTarget("gcp-dev", "123456789012", "my-pool", "my-provider",
                null, List.of("a", "b"), Duration.ofHours(1), null, null, null, null, null));
    }

    @Test
    void anAdcFileIsSavedOnlyOnceTheDiskHasBeenAskedAboutIt() {
        Result first = form.checkGcp(gcp("1", "", ADC.toString()), null);
        assertThat(first.valid()).isFalse();
        assertThat(first.errors()).isEmpty();
        assertThat(first.fileToCheck()).isEqualTo(ADC);

        assertThat(form.checkGcp(gcp("1", "", ADC.toString()), new FileCheck(ADC, null)).valid()).isTrue();
        assertThat(form.checkGcp(gcp("1", "", ADC.toString()), new FileCheck(ADC, "is a folder")).errors())
                .containsEntry(TargetField.ADC_FILE, "is a folder");
        assertThat(form.checkGcp(gcp("1", "", "relative.json"), null).errors().get(TargetField.ADC_FILE))
                .contains("full path");
        assertThat(form.checkGcp(new GcpValues("gcp-dev", "", "1", "my-pool", "my-provider", "", "", "", "",
                "not a url", "", ""), null).errors()).containsOnlyKeys(TargetField.STS_ENDPOINT);
        assertThat(form.checkGcp(new GcpValues("gcp-dev", "", "1", "my-pool", "my-provider", "", "", "", "",
                "http://127.0.0.1/v1/token", "", ""), null).errors().get(TargetField.STS_ENDPOINT))
                .contains("must be an https URL");
    }
}
