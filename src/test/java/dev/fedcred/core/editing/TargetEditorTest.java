package dev.fedcred.core.editing;

import dev.fedcred.testing.TestTargetKinds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.FedcredException;
import dev.fedcred.core.aws.AssumedRole;
import dev.fedcred.core.aws.AwsSessionCache;
import dev.fedcred.core.settings.SettingsStore;
import dev.fedcred.core.aws.AwsRoleTarget;
import dev.fedcred.core.gcp.GcpWorkloadTarget;
import dev.fedcred.core.targets.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saving, renaming and deleting targets on a real settings file and real AWS files. */
class TargetEditorTest {
    private static final String ROLE = "arn:aws:iam::123456789012:role/Dev";

    @TempDir
    Path home;

    private FedcredContext context() {
        return new FedcredContext(Map.of("HOME", home.toString(), "FEDCRED_HOME", home.resolve("fedcred").toString(),
                "AWS_SHARED_CREDENTIALS_FILE", home.resolve("aws/credentials").toString(),
                "AWS_CONFIG_FILE", home.resolve("aws/config").toString()), Clock.systemUTC(), uri -> false);
    }

    private static AwsRoleTarget aws(String name, String profile) {
        return new AwsRoleTarget(name, ROLE, profile, null, null, null, null, null);
    }

    private static GcpWorkloadTarget gcp(Path adcFile) {
        return new GcpWorkloadTarget("gcp-dev", "123456789012", "my-pool", "my-provider", null, null, null, adcFile,
                null, null, null, null);
    }

    @Test
    void aNewTargetMayNotTakeANameInUseAndARenameKeepsItsPlace() {
        TargetEditor editor = context().targetEditor();
        editor.save(aws("first", "one"), null);
        editor.save(aws("second", "two"), null);
        assertThatThrownBy(() -> editor.save(aws("first", "other"), null)).isInstanceOf(FedcredException.class)
                .hasMessage("There is already a target named \"first\"; choose another name.");
        assertThatThrownBy(() -> editor.save(aws("second", "other"), "first"))
                .hasMessageContaining("already a target named \"second\"");

        editor.save(aws("renamed", "one"), "first");

        assertThat(new SettingsStore(context().settings().file(), TestTargetKinds.withoutServices()).load().targets()).extracting(Target::name)
                .containsExactly("renamed", "second");
    }

    @Test
    void aChangedTargetForgetsTheCredentialsCachedForIt() {
        FedcredContext context = context();
        AwsRoleTarget before = aws("dev", "dev");
        context.targetEditor().save(before, null);
        new AwsSessionCache(context.paths().awsSessionCacheFile()).save("dev", new AssumedRole("ASIAOLD", "secret",
                "token", Instant.now().plusSeconds(3600), ROLE + "/s", "id", "sub", "aud", "iss"));
        context.targetEditor().save(before, "dev");
        assertThat(context.aws().cached(before)).as("unchanged: still usable").isPresent();

        context.targetEditor().save(new AwsRoleTarget("dev", "arn:aws:iam::123456789012:role/Other", "dev", null,
                null, null, null, null), "dev");

        assertThat(context.aws().cached(before)).as("credentials of the old role").isEmpty();
    }

    @Test
    void deletingRemovesOnlyAProfileFedcredWrote() throws Exception {
        FedcredContext context = context();
        context.targetEditor().save(aws("dev", "mine"), null);
        Path credentials = home.resolve("aws/credentials");
        Files.createDirectories(credentials.getParent());
        String handWritten = "[mine]\naws_access_key_id = AKIAMINE\n";
        Files.writeString(credentials, handWritten);

        TargetEditor.Deletion deletion = context.targetEditor().delete("dev", true);

        assertThat(deletion.writtenFiles()).startsWith("The credentials file stays as it is:");
        assertThat(Files.readString(credentials)).isEqualTo(handWritten);
        assertThat(context.targets().find("dev")).isEmpty();
    }

    @Test
    void anAdcFileMustBeAFileFedcredCanWriteAndNotAnAwsFile() throws Exception {
        TargetEditor editor = context().targetEditor();
        Files.createDirectories(home.resolve("gcloud"));
        Files.writeString(home.resolve("blocker"), "a file, not a folder");

        assertThatThrownBy(() -> editor.save(gcp(home.resolve("gcloud")), null)).hasMessageContaining("is a folder");
        assertThatThrownBy(() -> editor.save(gcp(home.resolve("aws/credentials")), null))
                .hasMessageContaining("is the AWS credentials file");
        assertThatThrownBy(() -> editor.save(gcp(home.resolve("blocker/adc.json")), null))
                .hasMessageContaining("cannot be created: " + home.resolve("blocker") + " is a file");
        assertThatThrownBy(() -> editor.save(gcp(Path.of("adc.json")), null)).hasMessageContaining("full path");
        assertThat(Files.exists(context().settings().file())).isFalse();

        editor.save(gcp(home.resolve("gcloud/new/adc.json")), null);
        assertThat(context().targets().find("gcp-dev")).isPresent();
    }
}
