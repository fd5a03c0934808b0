package dev.fedcred.testing;

import dev.fedcred.core.aws.AwsRoleKind;
import dev.fedcred.core.aws.profiles.AwsFileLocations;
import dev.fedcred.core.gcp.AdcLocations;
import dev.fedcred.core.gcp.GcpWorkloadKind;
import dev.fedcred.core.targets.TargetKinds;
import dev.fedcred.core.targets.TargetValidation;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** The real kinds of target for tests that only validate or store targets: asking them for credentials fails. */
public final class TestTargetKinds {
    private TestTargetKinds() {
    }

    /** The kinds for reading and writing settings.json alone. */
    public static TargetKinds withoutServices() {
        return withoutServices(Path.of(System.getProperty("java.io.tmpdir"), "fedcred-test-home"));
    }

    public static TargetKinds withoutServices(Path home) {
        AwsFileLocations awsFiles = new AwsFileLocations(home.resolve(".aws/credentials"), home.resolve(".aws/config"));
        return new TargetKinds(List.of(
                new AwsRoleKind(() -> {
                    throw new IllegalStateException("this test has no AWS service");
                }, awsFiles, Clock.systemUTC()),
                new GcpWorkloadKind(() -> {
                    throw new IllegalStateException("this test has no GCP service");
                }, awsFiles, AdcLocations.fromEnvironment(Map.of(), home), Clock.systemUTC())));
    }

    public static TargetValidation validation(Path home) {
        return new TargetValidation(withoutServices(home));
    }
}
