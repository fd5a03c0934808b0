package dev.fedcred.core.targets;

import dev.fedcred.core.aws.AwsRoleTarget;
import dev.fedcred.core.gcp.GcpWorkloadTarget;
import dev.fedcred.testing.TestTargetKinds;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A saved target's settings as the dialog shows them read back into the same target; the CLI and the dialog read alike. */
class SettingTextsTest {
    private final TargetKinds kinds = TestTargetKinds.withoutServices(Path.of("/home/u"));

    @Test
    void everyKindsTargetSurvivesTheTripThroughText() {
        List<Target> targets = List.of(
                new AwsRoleTarget("dev", "arn:aws:iam::123456789012:role/dev", "dev", "eu-west-1", Duration.ofHours(2),
                        "me", "google", URI.create("http://127.0.0.1:9750/aws-sts")),
                new GcpWorkloadTarget("gcp", "1", "my-pool", "my-provider", "ci@p.iam.gserviceaccount.com",
                        List.of("a", "b"), Duration.ofMinutes(20), Path.of("/home/u/adc.json"), null,
                        URI.create("https://127.0.0.1:1/v1/token"), null, Path.of("/home/u/ca.pem")));
        for (Target target : targets) {
            TargetKinds.Bound<?> bound = kinds.of(target);
            SettingTexts texts = SettingTexts.of(bound);
            assertThat(TextEntry.read(bound.kind(), texts.text(TargetField.NAME), texts.byKey())).isEqualTo(target);
            assertThat(bound.kind().form().settings()).extracting(TargetSetting::key)
                    .as("the form lists every key the kind writes").containsAll(texts.byKey().keySet());
        }
    }

    @Test
    void aValueThatCannotBeReadIsItsFieldsProblemInTheDialogAndTheFirstFailureOnTheCommandLine() {
        TargetKind<?> aws = kinds.byId("aws").orElseThrow();
        Map<String, String> values = Map.of("role_arn", "arn:aws:iam::123456789012:role/dev", "profile", "dev",
                "duration_seconds", "an hour");

        TextEntry.Reading<?> reading = TextEntry.readAll(aws, "dev", values);
        assertThat(reading.problems()).containsExactly(Map.entry(new TargetField("duration_seconds"),
                "Enter a whole number, such as 3600."));
        assertThat(reading.target().name()).isEqualTo("dev");
        assertThatThrownBy(() -> TextEntry.read(aws, "dev", values)).hasMessage(
                "The target \"dev\": duration_seconds \"an hour\": Enter a whole number, such as 3600.");
        assertThat(TextEntry.readAll(aws, "dev", Map.of()).problems()).as("what is missing the kind's rules say").isEmpty();
    }
}
