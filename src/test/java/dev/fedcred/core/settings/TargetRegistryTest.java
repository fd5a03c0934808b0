package dev.fedcred.core.settings;

import dev.fedcred.core.builtin.SandboxTargets;
import dev.fedcred.core.aws.AwsRoleTarget;
import dev.fedcred.core.targets.Target;
import dev.fedcred.core.targets.TargetField;

import dev.fedcred.testing.TestTargetKinds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fedcred.core.issuers.IssuerRegistry;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TargetRegistryTest {
    @TempDir
    Path home;

    private TargetRegistry registry() {
        return new TargetRegistry(new SettingsStore(home.resolve("settings.json"), TestTargetKinds.withoutServices()),
                TestTargetKinds.withoutServices(home), SandboxTargets.of(IssuerRegistry.sandbox(URI.create("http://127.0.0.1:9750")),
                SandboxGcpEndpoints.of(9751, home.resolve("sandbox"))));
    }

    private static AwsRoleTarget aws(String arn, String profile, String region, long seconds, String sessionName) {
        return new AwsRoleTarget("dev", arn, profile, region, Duration.ofSeconds(seconds), sessionName, null, null);
    }

    @Test
    void theSandboxTargetIsBuiltIn() {
        AwsRoleTarget sandbox = (AwsRoleTarget) registry().resolve("sandbox-aws");
        assertThat(sandbox.profile()).isEqualTo("fedcred-sandbox");
        assertThat(sandbox.issuer()).isEqualTo("sandbox");
        assertThat(sandbox.stsEndpoint()).hasToString("http://127.0.0.1:9750/aws-sts");
        assertThatThrownBy(() -> registry().remove("sandbox-aws")).hasMessageContaining("built in");
    }

    @Test
    void savesAndReadsBackAnAwsTarget() {
        registry().add(new AwsRoleTarget("prod-ro", "arn:aws:iam::000000000000:role/ReadOnly", "prod", "eu-west-1",
                Duration.ofHours(2), "alice", "google", null));
        AwsRoleTarget read = (AwsRoleTarget) registry().resolve("prod-ro");
        assertThat(read.region()).isEqualTo("eu-west-1");
        assertThat(read.sessionDuration()).isEqualTo(Duration.ofHours(2));
        assertThat(read.roleSessionName()).isEqualTo("alice");
        assertThat(read.issuer()).isEqualTo("google");
        assertThat(read.stsEndpoint()).isNull();
        registry().remove("prod-ro");
        assertThat(registry().find("prod-ro")).isEmpty();
    }


    @Test
    void plainHttpStsIsAllowedOnEveryLoopbackNameAndNowhereElse() {
        for (String loopback : new String[] {"127.0.0.1", "localhost", "[::1]"}) {
            AwsRoleTarget target = new AwsRoleTarget("dev", "arn:aws:iam::000000000000:role/x", "p", null, null, null,
                    null, URI.create("http://" + loopback + ":9750/aws-sts"));
            assertThat(TestTargetKinds.validation(home).problems(target)).as(loopback).isEmpty();
        }
        AwsRoleTarget remote = new AwsRoleTarget("dev", "arn:aws:iam::000000000000:role/x", "p", null, null, null,
                null, URI.create("http://sts.example.test/"));
        assertThat(TestTargetKinds.validation(home).problems(remote).get(new TargetField("sts_endpoint"))).contains("must use https");
    }

    @Test
    void refusesBadTargets() {
        TargetRegistry registry = registry();
        assertThatThrownBy(() -> registry.add(aws("arn:aws:iam::123:role/x", "p", null, 3600, null)))
                .hasMessageContaining("is not an IAM role ARN");
        assertThatThrownBy(() -> registry.add(aws("arn:aws:iam::000000000000:user/x", "p", null, 3600, null)))
                .hasMessageContaining("is not an IAM role ARN");
        assertThatThrownBy(() -> registry.add(aws("arn:aws:iam::000000000000:role/x", "p", null, 600, null)))
                .hasMessageContaining("900 to 43200");
        assertThatThrownBy(() -> registry.add(aws("arn:aws:iam::000000000000:role/x", "p", null, 50000, null)))
                .hasMessageContaining("900 to 43200");
        assertThatThrownBy(() -> registry.add(aws("arn:aws:iam::000000000000:role/x", "my profile", null, 3600, null)))
                .hasMessageContaining("not a usable AWS profile name");
        assertThatThrownBy(() -> registry.add(aws("arn:aws:iam::000000000000:role/x", "p", "Europe", 3600, null)))
                .hasMessageContaining("not an AWS region");
        assertThatThrownBy(() -> registry.add(aws("arn:aws:iam::000000000000:role/x", "p", null, 3600, "a b")))
                .hasMessageContaining("not a valid role session name");
        assertThatThrownBy(() -> registry.add(new AwsRoleTarget("sandbox-aws", "arn:aws:iam::000000000000:role/x",
                "p", null, null, null, null, null))).hasMessageContaining("built-in");
    }
}
