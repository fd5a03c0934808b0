package dev.fedcred.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fedcred.core.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * One AWS CLI, v2 (Debian's awscli) or v1 (in the interop venv), run in an {@link InteropHome}
 * and always sent to the sandbox's STS, never to AWS.
 */
final class AwsCli {
    /** The identity every sandbox-aws credential proves, whichever way the CLI got it. */
    static final String SANDBOX_ARN = "arn:aws:sts::000000000000:assumed-role/fedcred-sandbox/sandbox.user@example.com";

    private final List<String> program;
    private final InteropHome home;

    private AwsCli(List<String> program, InteropHome home) {
        this.program = List.copyOf(program);
        this.home = home;
    }

    static AwsCli v2(InteropHome home) {
        return new AwsCli(List.of(PeerProgram.require("/usr/bin/aws", "apt-get install awscli").toString()), home);
    }

    static AwsCli v1(InteropHome home) {
        return new AwsCli(InteropVenv.module("awscli"), home);
    }

    PeerProgram.Result run(String... args) throws Exception {
        List<String> command = new ArrayList<>(program);
        command.addAll(List.of(args));
        command.addAll(List.of("--endpoint-url", home.sandbox.endpoints().get("aws-sts"), "--output", "json"));
        return PeerProgram.run(command, home.env, home.home);
    }

    /** `sts get-caller-identity --profile PROFILE`, which must succeed; its JSON answer. */
    JsonNode callerIdentity(String profile) throws Exception {
        PeerProgram.Result identity = run("sts", "get-caller-identity", "--profile", profile);
        assertThat(identity.exitCode()).as(identity.err()).isZero();
        return Json.MAPPER.readTree(identity.out());
    }

    String version() throws Exception {
        List<String> command = new ArrayList<>(program);
        command.add("--version");
        PeerProgram.Result version = PeerProgram.run(command, home.env, home.home);
        assertThat(version.exitCode()).as(version.err()).isZero();
        return version.out() + version.err();
    }
}
