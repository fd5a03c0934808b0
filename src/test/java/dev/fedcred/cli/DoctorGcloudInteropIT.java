package dev.fedcred.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedcred.FedcredContext;
import dev.fedcred.interop.PeerProgram;
import dev.fedcred.sandbox.SandboxServer;
import dev.fedcred.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `fedcred doctor` reads the real gcloud's active account (/usr/bin/gcloud on the PATH, with its
 * configuration in the test's home, never the user's) and says which account gcloud will use
 * instead of the target's. DoctorCommandTest runs the same doctor with no gcloud on the PATH.
 */
class DoctorGcloudInteropIT {

    @TempDir
    Path home;

    private SandboxServer sandbox;
    private String gcloud;

    @BeforeEach
    void start() throws Exception {
        gcloud = PeerProgram.gcloud().toString();
        sandbox = DoctorCommandTest.startSandbox(home);
    }

    @AfterEach
    void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private FedcredContext signedIn() {
        return DoctorCommandTest.signedIn(DoctorCommandTest.context(sandbox, home, "/usr/bin:/bin", Map.of(), Clock.systemUTC()));
    }

    @Test
    void onAnEmptyConfigurationItNotesThatGcloudHasNoActiveAccountAndStaysHealthy() {
        FedcredContext context = signedIn();

        CliRun doctor = DoctorCommandTest.doctor(context, "sandbox-gcp", "--no-dry-run");

        assertThat(doctor.exitCode()).as(doctor.out() + doctor.err()).isZero();
        assertThat(doctor.out()).contains("gcloud (CLOUDSDK_CONFIG=" + home.resolve("gcloud-config") + ") has no active account");
    }

    @Test
    void saysWhichAccountTheRealGcloudWillUseInsteadOfTheTargets() throws Exception {
        Path gcloudConfig = home.resolve("gcloud-config");
        FedcredContext context = signedIn();
        ProcessBuilder inConfig = new ProcessBuilder(gcloud, "config", "set", "account", "someone@example.com")
                .redirectErrorStream(true).redirectOutput(home.resolve("gcloud.log").toFile());
        PeerProgram.isolate(inConfig.environment(), Map.of("CLOUDSDK_CONFIG", gcloudConfig.toString()));
        assertThat(inConfig.start().waitFor()).as(Files.readString(home.resolve("gcloud.log"))).isZero();

        CliRun doctor = DoctorCommandTest.doctor(context, "sandbox-gcp", "--no-dry-run");

        assertThat(doctor.out()).contains("NOTE    target sandbox-gcp: gcloud (CLOUDSDK_CONFIG=" + gcloudConfig
                + ") uses the account someone@example.com, not sandbox-gcp; to use it there: gcloud auth login --cred-file=");
    }
}
