package dev.fedcred.core.aws;

import dev.fedcred.core.builtin.SandboxTargets;
import dev.fedcred.core.targets.TargetKinds;
import dev.fedcred.testing.TestTargetKinds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fedcred.core.issuers.IssuerRegistry;
import dev.fedcred.core.FedcredException;
import dev.fedcred.core.aws.profiles.AwsFileLocations;
import dev.fedcred.core.aws.profiles.AwsProfileWriter;
import dev.fedcred.core.aws.profiles.ProfileNotManagedException;
import dev.fedcred.core.settings.SettingsStore;
import dev.fedcred.core.aws.AwsRoleTarget;
import dev.fedcred.core.settings.SandboxGcpEndpoints;
import dev.fedcred.core.settings.TargetRegistry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;

/** credential_process profiles against real AWS files, read back with the AWS SDK's own parser. */
class ProcessProfilesTest {
    private static final String COMMAND = "/usr/bin/fedcred credential-process prod";
    /** What `assume prod` leaves in the config file for a target with a region. */
    private static final String ASSUMED_CONFIG = "# my settings\r\n[profile prod]\r\nregion = eu-west-1\r\nx_fedcred_managed = prod\r\n";

    @TempDir
    Path home;
    Path credentials;
    Path config;
    AwsProfileWriter writer;
    ProcessProfiles profiles;
    AwsRoleTarget prod;

    @BeforeEach
    void setUp() throws Exception {
        credentials = home.resolve(".aws/credentials");
        config = home.resolve(".aws/config");
        Files.createDirectories(config.getParent());
        writer = new AwsProfileWriter(new AwsFileLocations(credentials, config), Clock.systemUTC());
        TargetKinds kinds = TestTargetKinds.withoutServices(home);
        TargetRegistry targets = new TargetRegistry(new SettingsStore(home.resolve("settings.json"), kinds), kinds,
                SandboxTargets.of(IssuerRegistry.sandbox(URI.create("http://127.0.0.1:9750")),
                SandboxGcpEndpoints.of(9751, home.resolve("sandbox"))));
        prod = new AwsRoleTarget("prod", "arn:aws:iam::123456789012:role/prod", "prod", "eu-west-1",
                Duration.ofHours(1), null, null, null);
        targets.add(prod);
        profiles = new ProcessProfiles(targets, writer);
    }

    private static Profile sdkProfile(Path file, String name) {
        return ProfileFile.builder().content(file).type(ProfileFile.Type.CONFIGURATION).build().profile(name).orElseThrow();
    }

    @Test
    void theSnippetHasANameOfItsOwnAndAppendsCleanlyAfterAssume() throws Exception {
        Files.writeString(config, ASSUMED_CONFIG);
        String name = ProcessProfiles.defaultName(prod);
        assertThat(name).isEqualTo("prod-process");

        String snippet = profiles.snippet(prod, name, COMMAND);
        assertThat(snippet).isEqualTo("[profile prod-process]\ncredential_process = " + COMMAND + "\nregion = eu-west-1\n");
        Files.writeString(config, snippet, java.nio.file.StandardOpenOption.APPEND);

        assertThat(sdkProfile(config, "prod-process").property("credential_process")).contains(COMMAND);
        assertThat(sdkProfile(config, "prod").property("region")).contains("eu-west-1");
        // the next assume still finds exactly one [profile prod]
        writer.writeRegion("prod", "prod", "eu-west-1", false);
    }

    @Test
    void aSnippetWhoseNameIsTakenIsRefusedWithWhereItIs() throws Exception {
        Files.writeString(config, "[profile mine]\nregion = us-east-1\n");
        Files.writeString(credentials, "[keys]\naws_access_key_id = AKIAFAKE\n");

        assertThatThrownBy(() -> profiles.snippet(prod, "prod", COMMAND)).isInstanceOf(FedcredException.class)
                .hasMessageContaining("'prod' is the profile the target prod writes its credentials to")
                .hasMessageContaining("prod-process");
        assertThatThrownBy(() -> profiles.snippet(prod, "mine", COMMAND))
                .hasMessageContaining("already defined (" + config + ", line 1)").hasMessageContaining("--profile");
        assertThatThrownBy(() -> profiles.snippet(prod, "keys", COMMAND))
                .hasMessageContaining("already defined (" + credentials + ", line 1)");
        assertThatThrownBy(() -> profiles.snippet(prod, "sandbox-aws profile", COMMAND))
                .hasMessageContaining("cannot be an AWS profile name");
        // the sandbox target's profile is a target's profile too
        assertThatThrownBy(() -> profiles.snippet(prod, TargetRegistry.SANDBOX_AWS_PROFILE, COMMAND))
                .hasMessageContaining("the target sandbox-aws");
    }

    @Test
    void installWritesTheProfileIntoTheConfigFileAndRemoveGivesBackTheOriginalBytes() throws Exception {
        Files.writeString(config, ASSUMED_CONFIG);
        byte[] before = Files.readAllBytes(config);

        profiles.install(prod, "prod-process", COMMAND, false);
        String written = Files.readString(config, StandardCharsets.ISO_8859_1);
        assertThat(written).startsWith(ASSUMED_CONFIG)
                .endsWith("\r\n[profile prod-process]\r\ncredential_process = " + COMMAND
                        + "\r\nregion = eu-west-1\r\nx_fedcred_managed = prod\r\n");
        assertThat(sdkProfile(config, "prod-process").property("credential_process")).contains(COMMAND);
        assertThat(credentials).doesNotExist();

        profiles.install(prod, "prod-process", COMMAND, false); // again: fedcred's own section is updated, not doubled
        assertThat(Files.readString(config, StandardCharsets.ISO_8859_1)).isEqualTo(written);

        assertThat(writer.remove("prod-process")).isTrue();
        assertThat(Files.readAllBytes(config)).isEqualTo(before);
    }

    @Test
    void installReplacesAHandWrittenProfileOnlyWithForce() throws Exception {
        String handWritten = "[profile work]\nsso_session = corp\n";
        Files.writeString(config, handWritten);

        assertThatThrownBy(() -> profiles.install(prod, "work", COMMAND, false)).isInstanceOf(ProfileNotManagedException.class)
                .hasMessageContaining("--force");
        assertThat(Files.readString(config)).isEqualTo(handWritten);

        profiles.install(prod, "work", COMMAND, true);
        assertThat(sdkProfile(config, "work").properties()).containsEntry("credential_process", COMMAND)
                .doesNotContainKey("sso_session").containsEntry("x_fedcred_managed", "prod");
    }

    @Test
    void installRefusesANameTheCredentialsFileDefinesEvenWithForce() throws Exception {
        Files.writeString(credentials, "[shadow]\naws_access_key_id = AKIAFAKE\naws_secret_access_key = fake\n");

        assertThatThrownBy(() -> profiles.install(prod, "shadow", COMMAND, true))
                .hasMessageContaining("credentials file defines the profile 'shadow'")
                .hasMessageContaining("would win over credential_process");
        assertThat(config).doesNotExist();
        assertThatThrownBy(() -> profiles.install(prod, "prod", COMMAND, true))
                .hasMessageContaining("is the profile the target prod writes");
    }
}
