package dev.fedcred.cli;

import dev.fedcred.testing.SandboxHome;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import dev.fedcred.FedcredContext;
import dev.fedcred.core.Json;
import dev.fedcred.core.gcp.ExternalAccountAdc;
import dev.fedcred.core.gcp.GcpHttpTransports;
import dev.fedcred.core.gcp.GcpWorkloadTarget;
import dev.fedcred.sandbox.SandboxGcp;
import dev.fedcred.sandbox.SandboxOptions;
import dev.fedcred.sandbox.SandboxServer;
import dev.fedcred.testing.CliRun;
import dev.fedcred.testing.FakeBrowser;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The GCP commands in-process against the sandbox's GCP emulator, with real files in a temporary home. */
class CliGcpEndToEndTest {
    private static final String USER_ADC = "{\"type\":\"authorized_user\",\"client_id\":\"fake\",\"refresh_token\":\"fake\"}\n";

    @TempDir
    Path home;

    private SandboxServer sandbox;
    private FedcredContext context;

    private void start(Duration idTokenLifetime) throws Exception {
        // where the built-in sandbox-gcp target looks for the CA: FedcredPaths.sandboxDir()
        sandbox = SandboxServer.start(SandboxOptions.defaults().withPort(0).withAutoApprove(true)
                .withIdTokenLifetime(idTokenLifetime).withDataDir(SandboxHome.sandboxDataDir(home)));
        context = new FedcredContext(SandboxHome.environment(sandbox, home),
                Clock.systemUTC(), new FakeBrowser());
    }

    @AfterEach
    void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private void login() {
        CliRun login = CliRun.run(context, "login", "--issuer", "sandbox");
        assertThat(login.exitCode()).as(login.err()).isZero();
    }

    private Path sandboxAdc() {
        return home.resolve("fedcred/state/sandbox/gcp-application_default_credentials.json");
    }

    private Path idTokenFile() {
        return home.resolve("fedcred/state/gcp/sandbox.id-token");
    }

    private Path gcloudAdc() {
        return home.resolve(".config/gcloud/application_default_credentials.json");
    }

    /** A user target on the sandbox's emulator, as `targets add-gcp` with the hidden endpoint options makes one. */
    private void addSandboxTarget(String name, String serviceAccount, String... more) {
        List<String> args = new ArrayList<>(List.of("targets", "add-gcp", name,
                "--project-number", SandboxGcp.PROJECT_NUMBER, "--pool", SandboxGcp.POOL_ID,
                "--provider", SandboxGcp.PROVIDER_ID, "--service-account", serviceAccount, "--issuer", "sandbox",
                "--sts-endpoint", sandbox.endpoints().get("gcp-sts"),
                "--iamcredentials-endpoint", sandbox.endpoints().get("gcp-iamcredentials"),
                "--ca-file", sandbox.gcpCaFile().toString()));
        args.addAll(List.of(more));
        CliRun add = CliRun.run(context, args.toArray(String[]::new));
        assertThat(add.exitCode()).as(add.err()).isZero();
    }

    private static String perms(Path file) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }

    private AccessToken tokenFromAdc(Path adc) throws Exception {
        try (InputStream in = Files.newInputStream(adc)) {
            return GoogleCredentials.fromStream(in, new GcpHttpTransports().forExchange(sandbox.gcpCaFile()))
                    .createScoped(List.of(GcpWorkloadTarget.CLOUD_PLATFORM_SCOPE)).refreshAccessToken();
        }
    }

    private String rawIdToken() throws Exception {
        return Json.MAPPER.readTree(Files.readString(home.resolve("fedcred/state/tokens.json")))
                .findValue("id_token").asText();
    }

    @Test
    void assumeWritesAnAdcFileWhoseExecutableSourceRunsFedcred() throws Exception {
        start(Duration.ofHours(1));
        login();
        CliRun assume = CliRun.run(context, "assume", "sandbox-gcp");
        assertThat(assume.exitCode()).as(assume.err()).isZero();
        assertThat(assume.out()).contains("Wrote Application Default Credentials to " + sandboxAdc())
                .contains("for " + SandboxGcp.SERVICE_ACCOUNT).contains("Access token expires")
                .contains("the ID token it is made from expires").contains("(in 0:59:")
                .contains("only with GOOGLE_EXTERNAL_ACCOUNT_ALLOW_EXECUTABLES=1 in their environment, which this shell"
                        + " does not have: add `export GOOGLE_EXTERNAL_ACCOUNT_ALLOW_EXECUTABLES=1` to your shell profile");

        JsonNode adc = Json.MAPPER.readTree(sandboxAdc().toFile());
        assertThat(adc.path("type").asText()).isEqualTo("external_account");
        assertThat(adc.path("audience").asText()).isEqualTo(SandboxGcp.PROVIDER_AUDIENCE);
        JsonNode executable = adc.path("credential_source").path("executable");
        assertThat(executable.path("command").asText()).endsWith(" dev.fedcred.Main gcp subject-token sandbox-gcp"
                + " --env FEDCRED_HOME=" + home.resolve("fedcred") + " --env FEDCRED_SANDBOX_PORT=" + sandbox.issuerUri().getPort()
                + " --env FEDCRED_SANDBOX_GCP_PORT=" + URI.create(sandbox.endpoints().get("gcp-sts")).getPort());
        assertThat(assume.out()).contains("running `" + executable.path("command").asText() + "`");
        assertThat(executable.path("timeout_millis").asInt()).isEqualTo(30_000);
        assertThat(executable.path("output_file").asText())
                .isEqualTo(home.resolve("fedcred/state/gcp/sandbox.executable-response.json").toString());
        assertThat(adc.path("credential_source").has("file")).isFalse();
        assertThat(adc.path("fedcred").path("target").asText()).isEqualTo("sandbox-gcp");
        assertThat(perms(sandboxAdc())).isEqualTo("rw-------");
        assertThat(assume.out() + assume.err()).doesNotContain(rawIdToken());

        CliRun remove = CliRun.run(context, "gcp", "remove", "sandbox-gcp");
        assertThat(remove.out()).contains("Removed the ADC file " + sandboxAdc());
        assertThat(sandboxAdc()).doesNotExist();
    }

    @Test
    void aFileSourcedAdcFileNamesTheIdTokenFileGooglesLibraryReads() throws Exception {
        start(Duration.ofHours(1));
        login();
        addSandboxTarget("filed", SandboxGcp.SERVICE_ACCOUNT, "--adc-source", "file", "--adc", home.resolve("filed.json").toString());
        CliRun assume = CliRun.run(context, "assume", "filed");
        assertThat(assume.exitCode()).as(assume.err()).isZero();
        assertThat(assume.out()).contains("(ID token in " + idTokenFile() + ")").contains("fedcred rewrites it on every renewal")
                .doesNotContain("GOOGLE_EXTERNAL_ACCOUNT_ALLOW_EXECUTABLES");

        JsonNode adc = Json.MAPPER.readTree(home.resolve("filed.json").toFile());
        assertThat(adc.path("credential_source").path("file").asText()).isEqualTo(idTokenFile().toString());
        assertThat(perms(idTokenFile())).isEqualTo("rw-------");
        assertThat(Files.readString(idTokenFile())).isEqualTo(rawIdToken());

        AccessToken fromAdc = tokenFromAdc(home.resolve("filed.json"));
        assertThat(fromAdc.getTokenValue()).isNotBlank();
        assertThat(assume.out() + assume.err()).doesNotContain(fromAdc.getTokenValue()).doesNotContain(rawIdToken());
    }

    @Test
    void anAdcFileAnEarlierFedcredWroteWithTheFileSourceKeepsItUntilTheUserChooses() throws Exception {
        start(Duration.ofHours(1));
        login();
        // as fedcred wrote it before the executable source: an application may read it today
        GcpWorkloadTarget target = (GcpWorkloadTarget) context.targets().resolve("sandbox-gcp");
        Files.createDirectories(sandboxAdc().getParent());
        Files.write(sandboxAdc(), Json.MAPPER.writeValueAsBytes(ExternalAccountAdc.build(target, idTokenFile())));

        CliRun assume = CliRun.run(context, "assume", "sandbox-gcp");

        assertThat(assume.exitCode()).as(assume.err()).isZero();
        assertThat(Json.MAPPER.readTree(sandboxAdc().toFile()).path("credential_source").path("file").asText())
                .isEqualTo(idTokenFile().toString());
        assertThat(assume.out()).contains("With adc_source=executable it renews itself.");

        addSandboxTarget("chosen", SandboxGcp.SERVICE_ACCOUNT, "--adc-source", "executable", "--adc", sandboxAdc().toString());
        Files.write(sandboxAdc(), Json.MAPPER.writeValueAsBytes(ExternalAccountAdc.build(target, idTokenFile())));
        assertThat(CliRun.run(context, "assume", "chosen", "--force").exitCode()).isZero();
        assertThat(Json.MAPPER.readTree(sandboxAdc().toFile()).path("credential_source").has("executable")).isTrue();
    }

    @Test
    void theIdTokenFileIsRewrittenOnRenewalAndDeletedOnSignOut() throws Exception {
        start(Duration.ofSeconds(30));
        login();
        assertThat(CliRun.run(context, "assume", "sandbox-gcp").exitCode()).isZero();
        String written = Files.readString(idTokenFile());
        Thread.sleep(1100);
        CliRun refresh = CliRun.run(context, "refresh", "--issuer", "sandbox");
        assertThat(refresh.exitCode()).as(refresh.err()).isZero();
        assertThat(Files.readString(idTokenFile())).isNotEqualTo(written).isEqualTo(rawIdToken());

        assertThat(CliRun.run(context, "logout", "--issuer", "sandbox").exitCode()).isZero();
        assertThat(idTokenFile()).doesNotExist();
    }

    @Test
    void printAccessTokenReusesAFreshTokenAndNeedsASignInOtherwise() throws Exception {
        start(Duration.ofHours(1));
        CliRun notSignedIn = CliRun.run(context, "gcp", "print-access-token", "sandbox-gcp");
        assertThat(notSignedIn.exitCode()).isEqualTo(3);
        assertThat(notSignedIn.out()).isEmpty();
        assertThat(notSignedIn.err()).contains("fedcred login --issuer sandbox");

        login();
        CliRun first = CliRun.run(context, "gcp", "print-access-token", "sandbox-gcp");
        assertThat(first.exitCode()).as(first.err()).isZero();
        String token = first.out().strip();
        assertThat(token).isNotBlank().doesNotContain("\n").doesNotContain(" ");
        assertThat(CliRun.run(context, "gcp", "print-access-token", "sandbox-gcp").out().strip()).isEqualTo(token);
        assertThat(sandboxAdc()).as("print-access-token writes no ADC file").doesNotExist();
    }

    @Test
    void aUsersAdcFileIsReplacedOnlyWithForceAndPutBackOnRemove() throws Exception {
        start(Duration.ofHours(1));
        login();
        addSandboxTarget("mine", SandboxGcp.SERVICE_ACCOUNT, "--adc-source", "file");
        Files.createDirectories(gcloudAdc().getParent());
        Files.writeString(gcloudAdc(), USER_ADC);

        CliRun refused = CliRun.run(context, "assume", "mine");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("did not write").contains("--force");
        assertThat(Files.readString(gcloudAdc())).isEqualTo(USER_ADC);

        CliRun forced = CliRun.run(context, "assume", "mine", "--force");
        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(forced.out()).contains("Kept the previous ADC file as " + gcloudAdc() + ".fedcred-backup");
        assertThat(tokenFromAdc(gcloudAdc()).getTokenValue()).isNotBlank();

        CliRun remove = CliRun.run(context, "gcp", "remove", "mine");
        assertThat(remove.out()).contains("put back the previous " + gcloudAdc());
        assertThat(Files.readString(gcloudAdc())).isEqualTo(USER_ADC);
    }

    @Test
    void aMissingBindingIsPrintedAndAwsCommandsRefuseGcpTargets() throws Exception {
        start(Duration.ofHours(1));
        login();
        addSandboxTarget("denied", SandboxGcp.DENIED_SERVICE_ACCOUNT, "--adc", home.resolve("denied.json").toString());
        CliRun denied = CliRun.run(context, "assume", "denied");
        assertThat(denied.exitCode()).isEqualTo(1);
        assertThat(denied.err()).contains("gcloud iam service-accounts add-iam-policy-binding "
                + SandboxGcp.DENIED_SERVICE_ACCOUNT + " --role roles/iam.workloadIdentityUser --member principal://");
        assertThat(home.resolve("denied.json")).doesNotExist();

        for (String command : List.of("credential-process", "env")) {
            CliRun run = CliRun.run(context, command, "sandbox-gcp");
            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).contains("is not an AWS role").contains("fedcred gcp print-access-token sandbox-gcp");
        }
        assertThat(CliRun.run(context, "gcp", "print-access-token", "sandbox-aws").err()).contains("is not a GCP");
    }

    @Test
    void gcpTargetsAreListedAndValidated() throws Exception {
        start(Duration.ofHours(1));
        CliRun add = CliRun.run(context, "targets", "add-gcp", "gcp-dev", "--project-number", "123456789012",
                "--pool", "my-pool", "--provider", "my-provider", "--lifetime", "1800");
        assertThat(add.exitCode()).as(add.err()).isZero();
        assertThat(CliRun.run(context, "targets", "list").out())
                .containsPattern("gcp-dev\\s+gcp\\s+pool my-pool \\(no service account\\)\\s+ADC " + gcloudAdc())
                .containsPattern("sandbox-gcp\\s+gcp\\s+" + SandboxGcp.SERVICE_ACCOUNT)
                .containsPattern("sandbox-aws\\s+aws");
        CliRun bad = CliRun.run(context, "targets", "add-gcp", "x", "--project-number", "my-project", "--pool", "my-pool",
                "--provider", "my-provider");
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.err()).contains("is not a project number");
        assertThat(CliRun.run(context, "targets", "remove", "gcp-dev").out()).contains("Removed target gcp-dev");
    }
}
