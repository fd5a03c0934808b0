package dev.fedcred.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fedcred.FedcredContext;
import dev.fedcred.core.Json;
import dev.fedcred.sandbox.SandboxGcp;
import dev.fedcred.sandbox.SandboxOptions;
import dev.fedcred.sandbox.SandboxServer;
import dev.fedcred.testing.CliRun;
import dev.fedcred.testing.FakeBrowser;
import dev.fedcred.testing.MutableClock;
import dev.fedcred.testing.SandboxHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `fedcred gcp subject-token TARGET`, the executable source's command, as Google's libraries run it:
 * the executable response with the stored ID token, renewed when due, the GOOGLE_EXTERNAL_ACCOUNT_*
 * variables honoured, and every failure a response with a code and a message (never a token).
 */
class SubjectTokenCommandTest {
    @TempDir
    Path home;

    private final MutableClock clock = new MutableClock();
    private SandboxServer sandbox;

    @BeforeEach
    void start() throws Exception {
        sandbox = SandboxServer.start(SandboxOptions.defaults().withPort(0).withGcpPort(0).withAutoApprove(true)
                .withDataDir(SandboxHome.sandboxDataDir(home)), clock);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private FedcredContext context(Map<String, String> google) {
        Map<String, String> env = new HashMap<>(SandboxHome.environment(sandbox, home));
        env.putAll(google);
        return new FedcredContext(env, clock, new FakeBrowser());
    }

    private void login() {
        CliRun login = CliRun.run(context(Map.of()), "login", "--issuer", "sandbox");
        assertThat(login.exitCode()).as(login.err()).isZero();
    }

    private String storedIdToken() throws Exception {
        return Json.MAPPER.readTree(Files.readString(home.resolve("fedcred/state/tokens.json")))
                .path("tokens").path("sandbox").path("id_token").asText();
    }

    private Instant storedExpiry() {
        return context(Map.of()).sessions().current("sandbox").orElseThrow().expiresAt();
    }

    private CliRun subjectToken(Map<String, String> google) {
        return CliRun.run(context(google), "gcp", "subject-token", "sandbox-gcp");
    }

    @Test
    void printsTheStoredIdTokenUntilFiveMinutesBeforeItExpires() throws Exception {
        login();
        CliRun run = subjectToken(Map.of("GOOGLE_EXTERNAL_ACCOUNT_AUDIENCE", SandboxGcp.PROVIDER_AUDIENCE,
                "GOOGLE_EXTERNAL_ACCOUNT_TOKEN_TYPE", "urn:ietf:params:oauth:token-type:jwt",
                "GOOGLE_EXTERNAL_ACCOUNT_INTERACTIVE", "0"));

        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.err()).isEmpty();
        JsonNode response = Json.MAPPER.readTree(run.out());
        assertThat(response.path("version").asInt()).isEqualTo(1);
        assertThat(response.path("success").asBoolean()).isTrue();
        assertThat(response.path("token_type").asText()).isEqualTo("urn:ietf:params:oauth:token-type:id_token");
        assertThat(response.path("id_token").asText()).isEqualTo(storedIdToken());
        assertThat(response.path("expiration_time").asLong()).isEqualTo(storedExpiry().minus(Duration.ofMinutes(5)).getEpochSecond());
    }

    @Test
    void aTokenDueForRenewalIsRenewedThroughTheRefreshToken() throws Exception {
        login();
        String first = storedIdToken();
        clock.advance(Duration.ofMinutes(55)); // 5 minutes left: due

        CliRun run = subjectToken(Map.of());

        assertThat(run.exitCode()).as(run.out()).isZero();
        JsonNode response = Json.MAPPER.readTree(run.out());
        assertThat(response.path("id_token").asText()).isNotEqualTo(first).isEqualTo(storedIdToken());
        assertThat(Instant.ofEpochSecond(response.path("expiration_time").asLong())).isAfter(clock.instant().plus(Duration.ofMinutes(54)));
    }

    @Test
    void theOutputFileGetsTheResponseAndAnythingElseThereIsLeftAlone() throws Exception {
        login();
        Path output = home.resolve("out/response.json");
        CliRun run = subjectToken(Map.of("GOOGLE_EXTERNAL_ACCOUNT_OUTPUT_FILE", output.toString()));
        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(Files.readString(output).strip()).isEqualTo(run.out().strip());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(output))).isEqualTo("rw-------");

        Path notOurs = home.resolve("notes.txt");
        Files.writeString(notOurs, "my notes");
        CliRun refused = subjectToken(Map.of("GOOGLE_EXTERNAL_ACCOUNT_OUTPUT_FILE", notOurs.toString()));
        assertThat(refused.exitCode()).isEqualTo(1);
        JsonNode failure = Json.MAPPER.readTree(refused.out());
        assertThat(failure.path("success").asBoolean()).isFalse();
        assertThat(failure.path("code").asText()).isEqualTo("OUTPUT_FILE_IN_USE");
        assertThat(Files.readString(notOurs)).isEqualTo("my notes");
    }

    @Test
    void anotherAudienceOrTokenTypeIsRefusedWithACodeAndAMessage() throws Exception {
        login();
        CliRun audience = subjectToken(Map.of("GOOGLE_EXTERNAL_ACCOUNT_AUDIENCE", "//iam.googleapis.com/projects/1/other"));
        assertThat(audience.exitCode()).isEqualTo(1);
        JsonNode mismatch = Json.MAPPER.readTree(audience.out());
        assertThat(mismatch.path("version").asInt()).isEqualTo(1);
        assertThat(mismatch.path("success").asBoolean()).isFalse();
        assertThat(mismatch.path("code").asText()).isEqualTo("AUDIENCE_MISMATCH");
        assertThat(mismatch.path("message").asText()).contains("fedcred assume sandbox-gcp");

        CliRun saml = subjectToken(Map.of("GOOGLE_EXTERNAL_ACCOUNT_TOKEN_TYPE", "urn:ietf:params:oauth:token-type:saml2"));
        assertThat(saml.exitCode()).isEqualTo(1);
        assertThat(Json.MAPPER.readTree(saml.out()).path("code").asText()).isEqualTo("UNSUPPORTED_TOKEN_TYPE");
        assertThat(audience.out() + saml.out()).doesNotContain(storedIdToken());
    }

    @Test
    void signedOutItSaysWhichCommandSignsInAndExitsThree() throws Exception {
        CliRun run = subjectToken(Map.of("GOOGLE_EXTERNAL_ACCOUNT_INTERACTIVE", "1"));

        assertThat(run.exitCode()).isEqualTo(3);
        JsonNode failure = Json.MAPPER.readTree(run.out());
        assertThat(failure.path("success").asBoolean()).isFalse();
        assertThat(failure.path("code").asText()).isEqualTo("SIGN_IN_REQUIRED");
        assertThat(failure.path("message").asText()).contains("fedcred login --issuer sandbox");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void onlyTheVariablesThatFindFedcredsStateCanBePinned() throws Exception {
        login();
        CliRun run = CliRun.run(context(Map.of()), "gcp", "subject-token", "sandbox-gcp", "--env", "PATH=/tmp");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(Json.MAPPER.readTree(run.out()).path("message").asText()).contains("FEDCRED_HOME");
        assertThat(SubjectTokenArgs.pinned("gcp", "subject-token", "t", "--env", "FEDCRED_HOME=/x"))
                .containsExactly(Map.entry("FEDCRED_HOME", "/x"));
        assertThat(SubjectTokenArgs.pinned("gcp", "subject-token", "t", "--env", "PATH=/x")).isEmpty();
        assertThat(SubjectTokenArgs.pinned("assume", "t", "--env", "FEDCRED_HOME=/x")).isEmpty();
    }

    @Test
    void allowExecutablesPrintsOnlyTheProfileLine() {
        CliRun sh = CliRun.run(context(Map.of("SHELL", "/bin/bash")), "gcp", "allow-executables");
        assertThat(sh.exitCode()).isZero();
        assertThat(sh.out()).isEqualTo("export GOOGLE_EXTERNAL_ACCOUNT_ALLOW_EXECUTABLES=1" + System.lineSeparator());
        assertThat(sh.err()).contains("~/.bashrc");
        CliRun fish = CliRun.run(context(Map.of("SHELL", "/usr/bin/fish")), "gcp", "allow-executables");
        assertThat(fish.out().strip()).isEqualTo("set -gx GOOGLE_EXTERNAL_ACCOUNT_ALLOW_EXECUTABLES 1");
        CliRun powershell = CliRun.run(context(Map.of()), "gcp", "allow-executables", "--shell", "powershell");
        assertThat(powershell.out().strip()).isEqualTo("$env:GOOGLE_EXTERNAL_ACCOUNT_ALLOW_EXECUTABLES = \"1\"");
    }
}
