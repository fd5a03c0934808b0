package dev.fedcred.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.Json;
import dev.fedcred.interop.PeerProgram;
import dev.fedcred.testing.CliRun;
import dev.fedcred.testing.FakeBrowser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real gcloud (/usr/bin/gcloud; create-cred-config works offline) makes a credential
 * configuration: it is the file ImportCommandTest imports in the plain suite, and `fedcred import`
 * lists it as a target.
 */
class ImportGcloudInteropIT {

    @TempDir
    Path home;

    @Test
    void theRealGcloudsCredentialConfigurationIsTheOneThePlainSuiteImportsAndIsListed() throws Exception {
        String gcloud = PeerProgram.gcloud().toString();
        Path token = home.resolve("token");
        Files.writeString(token, "x");
        Path output = home.resolve("gcp-ci.json");
        ProcessBuilder builder = new ProcessBuilder(List.of(gcloud, "iam", "workload-identity-pools", "create-cred-config",
                ImportCommandTest.AUDIENCE, "--credential-source-file=" + token, "--output-file=" + output,
                "--service-account=deployer@my-project.iam.gserviceaccount.com", "--service-account-token-lifetime-seconds=1200"))
                .redirectErrorStream(true).redirectOutput(home.resolve("gcloud.log").toFile());
        PeerProgram.isolate(builder.environment(), Map.of("CLOUDSDK_CONFIG", home.resolve("gcloud-config").toString(),
                "CLOUDSDK_CORE_DISABLE_PROMPTS", "1"));
        Process credConfig = builder.start();
        assertThat(credConfig.waitFor(90, TimeUnit.SECONDS)).isTrue();
        assertThat(credConfig.exitValue()).as(Files.readString(home.resolve("gcloud.log"))).isZero();

        assertThat(Json.MAPPER.readTree(Files.readString(output)))
                .isEqualTo(Json.MAPPER.readTree(ImportCommandTest.credConfigAsGcloudWritesIt(token)));
        FedcredContext context = new FedcredContext(Map.of("HOME", home.toString(), "FEDCRED_HOME", home.resolve("fedcred").toString(),
                "AWS_CONFIG_FILE", home.resolve("aws/config").toString()), Clock.systemUTC(), new FakeBrowser());
        CliRun run = CliRun.run(context, "import", output.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("ci-pool-github-oidc").contains("deployer@my-project.iam.gserviceaccount.com")
                .contains("gcloud credential configuration " + output);
    }
}
