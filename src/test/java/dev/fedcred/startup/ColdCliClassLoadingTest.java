package dev.fedcred.startup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fedcred.FedcredContext;
import dev.fedcred.core.Json;
import dev.fedcred.core.aws.AwsRoleTarget;
import dev.fedcred.sandbox.SandboxOptions;
import dev.fedcred.sandbox.SandboxServer;
import dev.fedcred.testing.ChildJvm;
import dev.fedcred.testing.CliRun;
import dev.fedcred.testing.FakeBrowser;
import dev.fedcred.testing.SandboxHome;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI's hot paths in a cold JVM load none of the big libraries: the AWS CLI runs
 * {@code credential-process} before every call, and each SDK costs hundreds of milliseconds of
 * class loading. Signed in and assumed against the sandbox first, so the cache holds real
 * credentials.
 */
class ColdCliClassLoadingTest {
    private static final String[] HEAVY_LIBRARIES = {"software.amazon.awssdk.", "com.google.auth.",
            "com.google.api.client.", "com.nimbusds.", "javafx.", "picocli.", "org.bouncycastle.", "org.controlsfx.",
            "impl.org.controlsfx."};

    /**
     * What {@code credential-process} may load with fresh cached credentials: 501 classes in this
     * test's JVM when this was set; ~750 while it read the files with Jackson; ~795 while it read the
     * whole session cache into a tree, opened it through NIO's channels and pretty-printed the
     * answer; 1,140 while it still built the composition root first (a JDK 17 {@code -version}: ~380).
     */
    private static final int MOST_CLASSES_OF_CACHED_CREDENTIAL_PROCESS = 530;

    @TempDir
    Path home;
    @TempDir
    Path work;

    private SandboxServer sandbox;
    private Map<String, String> env;

    @BeforeEach
    void signInAndAssume() throws Exception {
        sandbox = SandboxServer.start(SandboxOptions.defaults().withPort(0).withAutoApprove(true)
                .withDataDir(SandboxHome.sandboxDataDir(home)));
        env = SandboxHome.environment(sandbox, home);
        FedcredContext context = new FedcredContext(env, Clock.systemUTC(), new FakeBrowser());
        CliRun login = CliRun.run(context, "login", "--issuer", "sandbox");
        assertThat(login.exitCode()).as(login.err()).isZero();
        CliRun assume = CliRun.run(context, "assume", "sandbox-aws");
        assertThat(assume.exitCode()).as(assume.err()).isZero();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void credentialProcessWithCachedCredentialsLoadsNoSdkNoOidcLibraryAndNoPicocli() throws Exception {
        ChildJvm run = ChildJvm.runMain(work, env, "credential-process", "sandbox-aws");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        JsonNode json = Json.MAPPER.readTree(run.out());
        FedcredContext context = new FedcredContext(env, Clock.systemUTC(), new FakeBrowser());
        String cachedKey = context.aws().cached((AwsRoleTarget) context.targets().resolve("sandbox-aws"))
                .orElseThrow().accessKeyId();
        assertThat(json.get("AccessKeyId").asText()).isEqualTo(cachedKey);
        assertThat(run.loadedClasses()).contains("dev.fedcred.Main", "dev.fedcred.core.aws.AwsSessionCache");
        assertThat(run.loadedFrom(HEAVY_LIBRARIES)).isEmpty();
        // the files are read by PlainJson and the answer written by hand: Jackson's parser and generator
        // cost more to set up than the rest of the answer; SettingsStore and AwsCredentialService, with
        // the Jackson and SDK types they name, a millisecond each to load; Instant's arithmetic through
        // Duration and LocalDateTime sets up java.time's units and fields (docs/performance.md)
        assertThat(run.loadedFrom("com.fasterxml.", "dev.fedcred.core.settings.SettingsStore",
                "dev.fedcred.core.aws.AwsCredentialService", "java.time.LocalDateTime", "java.time.temporal.ChronoUnit"))
                .isEmpty();
        // nor the composition root, a lambda, method reference or stream linked (on JDK 17 the first
        // costs milliseconds, archive or not), a string concatenation spun, or java.time's formatters built
        assertThat(run.loadedFrom("dev.fedcred.FedcredContext", "java.lang.invoke.InnerClassLambdaMetafactory",
                "java.lang.invoke.LambdaForm$MH/", "java.util.stream.", "java.time.format.", "java.util.regex."))
                .isEmpty();
        assertThat(run.loadedClasses()).as("classes loaded").hasSizeLessThan(MOST_CLASSES_OF_CACHED_CREDENTIAL_PROCESS);
    }

    @Test
    void gcpSubjectTokenWithAFreshIdTokenLoadsNoSdkNoOidcLibraryAndNoPicocli() throws Exception {
        Map<String, String> google = new java.util.HashMap<>(Map.of("HOME", env.get("HOME"), "PATH", "/usr/bin:/bin",
                "GOOGLE_EXTERNAL_ACCOUNT_AUDIENCE", "//iam.googleapis.com/projects/000000000000/locations/global/"
                        + "workloadIdentityPools/fedcred-sandbox-pool/providers/fedcred-sandbox-provider",
                "GOOGLE_EXTERNAL_ACCOUNT_TOKEN_TYPE", "urn:ietf:params:oauth:token-type:jwt",
                "GOOGLE_EXTERNAL_ACCOUNT_INTERACTIVE", "0",
                "GOOGLE_EXTERNAL_ACCOUNT_OUTPUT_FILE", work.resolve("response.json").toString()));
        // as an ADC file's command runs it: the variables that find fedcred's state on its command line
        ChildJvm run = ChildJvm.runMain(work, google, "gcp", "subject-token", "sandbox-gcp",
                "--env", "FEDCRED_HOME=" + env.get("FEDCRED_HOME"), "--env", "FEDCRED_SANDBOX_PORT=" + env.get("FEDCRED_SANDBOX_PORT"),
                "--env", "FEDCRED_SANDBOX_GCP_PORT=" + env.get("FEDCRED_SANDBOX_GCP_PORT"));

        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.err()).isEmpty();
        JsonNode json = Json.MAPPER.readTree(run.out());
        assertThat(json.path("success").asBoolean()).isTrue();
        FedcredContext context = new FedcredContext(env, Clock.systemUTC(), new FakeBrowser());
        assertThat(json.path("id_token").asText()).isEqualTo(context.sessions().current("sandbox").orElseThrow().rawIdToken());
        assertThat(java.nio.file.Files.readString(work.resolve("response.json")).strip()).isEqualTo(run.out().strip());
        assertThat(run.loadedClasses()).contains("dev.fedcred.Main", "dev.fedcred.cli.CachedSubjectToken");
        assertThat(run.loadedFrom(HEAVY_LIBRARIES)).isEmpty();
        assertThat(run.loadedClasses()).doesNotContain("com.fasterxml.jackson.databind.ObjectMapper");
    }

    @Test
    void kubeCredentialWithACachedTokenLoadsNoSdkNoYamlAndNoPicocli() throws Exception {
        FedcredContext context = new FedcredContext(env, Clock.systemUTC(), new FakeBrowser());
        CliRun first = CliRun.run(context, "kube", "credential", "sandbox-eks");
        assertThat(first.exitCode()).as(first.err()).isZero();

        ChildJvm run = ChildJvm.runMain(work, env, "kube", "credential", "sandbox-eks");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(Json.MAPPER.readTree(run.out()).path("status").path("token").asText())
                .isEqualTo(Json.MAPPER.readTree(first.out()).path("status").path("token").asText());
        assertThat(run.loadedClasses()).contains("dev.fedcred.cli.CachedKubeCredential", "dev.fedcred.core.kube.KubeTokenCache");
        assertThat(run.loadedFrom(HEAVY_LIBRARIES)).isEmpty();
        assertThat(run.loadedFrom("com.fasterxml.jackson.dataformat.yaml.", "org.yaml.")).isEmpty();
        assertThat(run.loadedClasses()).doesNotContain("com.fasterxml.jackson.databind.ObjectMapper");
    }

    @Test
    void versionLoadsNoSdkAndNoOidcLibrary() throws Exception {
        ChildJvm run = ChildJvm.runMain(work, env, "--version");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("fedcred ");
        assertThat(run.loadedClasses()).contains("picocli.CommandLine");
        assertThat(run.loadedFrom("software.amazon.awssdk.", "com.google.auth.", "com.google.api.client.",
                "com.nimbusds.", "javafx.", "org.controlsfx.", "impl.org.controlsfx.")).isEmpty();
    }

    @Test
    void assumeOfAnAwsRoleLoadsNoAwsSdkAndNoPicocli() throws Exception {
        ChildJvm run = ChildJvm.runMain(work, env, "assume", "sandbox-aws");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Wrote AWS profile fedcred-sandbox");
        assertThat(run.loadedClasses()).contains("dev.fedcred.core.aws.WebIdentityRoleAssumer");
        // AssumeRoleWithWebIdentity is unsigned: the SDK's start-up was most of a cold assume, and
        // picocli's model of every command a third of it
        assertThat(run.loadedFrom("software.amazon.awssdk.", "picocli.")).isEmpty();
        // the session cache is written with Jackson's streaming API
        assertThat(run.loadedClasses()).doesNotContain("com.fasterxml.jackson.databind.ObjectMapper");
    }

    @Test
    void theLogSeesTheAwsSdkWhenACommandSignsARequest() throws Exception {
        ChildJvm run = ChildJvm.runMain(work, env, "kube", "credential", "sandbox-eks");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.loadedFrom("software.amazon.awssdk.")).isNotEmpty();
    }
}
