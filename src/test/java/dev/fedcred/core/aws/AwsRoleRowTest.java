package dev.fedcred.core.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedcred.core.targets.TargetPresentation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A row's words carry the target's settings: a hand-edited settings.json must not put a terminal or bidi control into the window. */
class AwsRoleRowTest {
    @Test
    void settingsWithControlCharactersReachTheRowEscaped() {
        // no validation runs on a target read back from a hand-edited settings.json
        AwsRoleTarget edited = new AwsRoleTarget("dev", "arn:aws:iam::000000000000:role/x\u001b]0;pwned\u0007",
                "prod\u202Egpj.exe", null, Duration.ofHours(1), null, null, null);

        TargetPresentation row = AwsRoleRow.of(edited, Path.of("/home/u/.aws/credentials"));

        List<String> texts = new ArrayList<>();
        row.details().forEach(line -> {
            texts.add(line.text());
            texts.add(line.accessibleText());
        });
        texts.addAll(List.of(row.removingMessage(), row.alsoRemoveText(), row.missingHint(), row.removeQuestion().text(),
                row.removeQuestion().proceedAccessibleText(), row.removeQuestion().cancelAccessibleText()));
        assertThat(texts).filteredOn(text -> text != null)
                .noneMatch(text -> text.chars().anyMatch(c -> c < 0x20 || c == 0x202E));
        assertThat(row.details().get(0).text()).contains("role/x\\u001B]0;pwned\\u0007");
        assertThat(row.removeQuestion().text()).contains("prod\\u202Egpj.exe");
    }
}
