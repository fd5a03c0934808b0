package dev.fedcred.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.oidc.BrowserOpener;
import dev.fedcred.core.aws.AwsRoleTarget;
import dev.fedcred.core.gcp.GcpWorkloadTarget;
import dev.fedcred.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `targets kinds` and `targets add KIND NAME KEY=VALUE…`: every kind usable from the command line through its settings. */
class AddTargetCommandTest {
    @TempDir
    Path home;

    private FedcredContext context() {
        return new FedcredContext(Map.of("FEDCRED_HOME", home.toString()), Clock.systemUTC(), BrowserOpener.NONE);
    }

    @Test
    void kindsListsEveryKindWithItsSettings() {
        CliRun kinds = CliRun.run(context(), "targets", "kinds");
        assertThat(kinds.exitCode()).isZero();
        assertThat(kinds.out()).contains("aws: AWS role", "gcp: GCP workload identity")
                .containsPattern("role_arn\\s+required").containsPattern("service_account\\s+optional");
    }

    @Test
    void addsATargetOfEachKindFromItsSettings() {
        CliRun aws = CliRun.run(context(), "targets", "add", "aws", "dev", "role_arn=arn:aws:iam::123456789012:role/dev",
                "profile=dev", "region=eu-west-1", "duration_seconds=7200");
        assertThat(aws.exitCode()).as(aws.err()).isZero();
        assertThat(aws.out()).contains("Added target dev (AWS role, arn:aws:iam::123456789012:role/dev -> AWS profile dev)");
        CliRun gcp = CliRun.run(context(), "targets", "add", "gcp", "gcp-dev", "project_number=123456789012",
                "pool=my-pool", "provider=my-provider", "scopes=a,b", "adc_file=" + home.resolve("adc.json"));
        assertThat(gcp.exitCode()).as(gcp.err()).isZero();

        FedcredContext reread = context();
        assertThat(reread.targets().resolve("dev")).isEqualTo(new AwsRoleTarget("dev",
                "arn:aws:iam::123456789012:role/dev", "dev", "eu-west-1", Duration.ofHours(2), null, null, null));
        GcpWorkloadTarget read = (GcpWorkloadTarget) reread.targets().resolve("gcp-dev");
        assertThat(read.scopes()).isEqualTo(List.of("a", "b"));
        assertThat(read.adcFile()).isEqualTo(home.resolve("adc.json"));
    }

    @Test
    void aSettingTheKindDoesNotTakeIsRefusedAndNothingIsSaved() {
        CliRun typo = CliRun.run(context(), "targets", "add", "aws", "dev", "role_arn=arn:aws:iam::123456789012:role/dev",
                "profile=dev", "regoin=eu-west-1");
        assertThat(typo.exitCode()).isEqualTo(1);
        assertThat(typo.err()).contains("has no setting \"regoin\"").contains("region");
        assertThat(Files.exists(home.resolve("config/settings.json"))).isFalse();
    }

    @Test
    void badValuesAndUnknownKindsSayWhatToDo() {
        assertThat(CliRun.run(context(), "targets", "add", "k8s", "x", "a=b").err())
                .contains("There is no kind of target \"k8s\"; the kinds are aws, gcp, aws-chained, kubernetes.");
        assertThat(CliRun.run(context(), "targets", "add", "aws", "dev", "profile=dev").err())
                .contains("it needs role_arn=VALUE");
        assertThat(CliRun.run(context(), "targets", "add", "aws", "dev", "role_arn=arn:aws:iam::123456789012:role/dev",
                "profile=dev", "duration_seconds=soon").err()).contains("duration_seconds \"soon\": Enter a whole number, such as 3600.");
        assertThat(CliRun.run(context(), "targets", "add", "aws", "dev", "role_arn=arn:aws:iam::123:role/x",
                "profile=dev").err()).contains("is not an IAM role ARN");
        assertThat(CliRun.run(context(), "targets", "add", "aws", "dev", "profile").err()).contains("is not KEY=VALUE");
    }
}
