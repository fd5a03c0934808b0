package dev.fedcred.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fedcred.core.Json;
import dev.fedcred.sandbox.SandboxOptions;
import dev.fedcred.sandbox.SandboxServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AWS CLI v2 from Debian's awscli package reads what fedcred writes: the profile from
 * `fedcred assume`, and credential_process from `fedcred aws config-snippet`, each proven with
 * `sts get-caller-identity` signed with the credentials against the sandbox.
 */
class AwsCliInteropIT {
    private static final String AWS = "/usr/bin/aws";
    private static final Path JAR = Path.of("target/fedcred.jar").toAbsolutePath();

    @TempDir
    Path home;

    private SandboxServer sandbox;
    private Map<String, String> env;

    @BeforeEach
    void start() throws Exception {
        PeerProgram.require(AWS, "apt-get install awscli");
        assertThat(JAR).as("run through `mvn verify -Pinterop`, which builds the jar first").exists();
        sandbox = SandboxServer.start(SandboxOptions.defaults().withPort(0).withAutoApprove(true));
        env = new HashMap<>();
        env.put("FEDCRED_HOME", home.resolve("fedcred").toString());
        env.put("FEDCRED_SANDBOX_PORT", String.valueOf(sandbox.issuerUri().getPort()));
        env.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("aws/credentials").toString());
        env.put("AWS_CONFIG_FILE", home.resolve("aws/config").toString());
        env.put("HOME", home.toString());
        signIn();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private PeerProgram.Result fedcred(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return PeerProgram.run(command, env, home);
    }

    private PeerProgram.Result aws(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(AWS));
        command.addAll(List.of(args));
        command.addAll(List.of("--endpoint-url", sandbox.endpoints().get("aws-sts"), "--output", "json"));
        return PeerProgram.run(command, env, home);
    }

    /** `fedcred login --no-browser` in its own process; the URL it prints is followed as `curl -sL` would. */
    private void signIn() throws Exception {
        List<String> command = List.of(javaExecutable(), "-jar", JAR.toString(), "login", "--issuer", "sandbox", "--no-browser");
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("AWS_") || name.startsWith("FEDCRED_"));
        builder.environment().putAll(env);
        Process login = builder.redirectErrorStream(true).start();
        StringBuilder output = new StringBuilder();
        Pattern url = Pattern.compile("(http://127\\.0\\.0\\.1:\\d+/authorize\\?\\S+)");
        try (var reader = login.inputReader()) {
            String line;
            while ((line = reader.readLine()) != null) {
                output.append(line).append('\n');
                Matcher matcher = url.matcher(line);
                if (matcher.find()) {
                    java.net.http.HttpClient.newBuilder().followRedirects(java.net.http.HttpClient.Redirect.ALWAYS).build()
                            .send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(matcher.group(1))).build(),
                                    java.net.http.HttpResponse.BodyHandlers.discarding());
                }
            }
        }
        assertThat(login.waitFor()).as(output.toString()).isZero();
        assertThat(output).contains("Signed in to sandbox (sandbox)");
    }

    @Test
    void theAwsCliUsesTheProfileThatAssumeWrites() throws Exception {
        PeerProgram.Result assume = fedcred("assume", "sandbox-aws");
        assertThat(assume.exitCode()).as(assume.err()).isZero();
        assertThat(assume.out()).contains("Wrote AWS profile fedcred-sandbox");
        assertThat(Files.readString(home.resolve("aws/credentials"))).contains("[fedcred-sandbox]");

        PeerProgram.Result identity = aws("sts", "get-caller-identity", "--profile", "fedcred-sandbox");
        assertThat(identity.exitCode()).as(identity.err()).isZero();
        JsonNode json = Json.MAPPER.readTree(identity.out());
        assertThat(json.path("Arn").asText())
                .isEqualTo("arn:aws:sts::000000000000:assumed-role/fedcred-sandbox/sandbox.user@example.com");
        assertThat(json.path("Account").asText()).isEqualTo("000000000000");
    }

    @Test
    void theAwsCliRunsCredentialProcessFromTheConfigSnippet() throws Exception {
        PeerProgram.Result snippet = fedcred("aws", "config-snippet", "sandbox-aws");
        assertThat(snippet.exitCode()).as(snippet.err()).isZero();
        assertThat(snippet.out()).contains("[profile fedcred-sandbox]").contains("credential_process = ");
        Path config = home.resolve("aws/config");
        Files.createDirectories(config.getParent());
        Files.writeString(config, snippet.out());

        PeerProgram.Result identity = aws("sts", "get-caller-identity", "--profile", "fedcred-sandbox");
        assertThat(identity.exitCode()).as(identity.err()).isZero();
        assertThat(Json.MAPPER.readTree(identity.out()).path("Arn").asText()).endsWith("/sandbox.user@example.com");
        assertThat(home.resolve("aws/credentials")).doesNotExist();
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
