package dev.fedcred.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedcred.sandbox.SandboxOptions;
import dev.fedcred.sandbox.SandboxServer;
import dev.fedcred.testing.SandboxHome;
import java.io.BufferedReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A new user's machine in a temporary directory: a sandbox, fedcred's packaged jar run as its
 * own process with HOME and FEDCRED_HOME there, and a sign-in completed as `curl -sL` would.
 */
final class InteropHome implements AutoCloseable {
    static final Path JAR = Path.of("target/fedcred.jar").toAbsolutePath();
    private static final Pattern AUTHORIZE_URL = Pattern.compile("(http://127\\.0\\.0\\.1:\\d+/authorize\\?\\S+)");

    final Path home;
    final SandboxServer sandbox;
    final Map<String, String> env;

    InteropHome(Path home) throws Exception {
        this(home, Map.of());
    }

    /** {@code extraEnv} joins the environment fedcred runs with, e.g. the address of a private D-Bus. */
    InteropHome(Path home, Map<String, String> extraEnv) throws Exception {
        this(home, extraEnv, SandboxOptions.defaults().idTokenLifetime());
    }

    /** @param idTokenLifetime how long the sandbox's ID tokens live, as `fedcred sandbox --token-lifetime` sets it */
    InteropHome(Path home, Map<String, String> extraEnv, Duration idTokenLifetime) throws Exception {
        this(home, extraEnv, options -> options.withIdTokenLifetime(idTokenLifetime));
    }

    /** @param sandboxOptions changes to the sandbox's options (a cluster set up for another client, say) */
    InteropHome(Path home, Map<String, String> extraEnv, UnaryOperator<SandboxOptions> sandboxOptions) throws Exception {
        assertThat(JAR).as("run through `mvn verify -Pinterop`, which builds the jar first").exists();
        this.home = home;
        this.sandbox = SandboxServer.start(sandboxOptions.apply(SandboxOptions.defaults().withPort(0).withGcpPort(0)
                .withAutoApprove(true).withDataDir(SandboxHome.sandboxDataDir(home))));
        Map<String, String> env = new HashMap<>(SandboxHome.environment(sandbox, home));
        env.putAll(extraEnv);
        this.env = Map.copyOf(env);
    }

    PeerProgram.Result fedcred(String... args) throws Exception {
        return PeerProgram.run(fedcredCommand(args), env, home);
    }

    /** `fedcred login --issuer sandbox --no-browser` in its own process, the printed URL followed like `curl -sL`. */
    void signIn() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(fedcredCommand("login", "--issuer", "sandbox", "--no-browser"))
                .directory(home.toFile()).redirectErrorStream(true);
        PeerProgram.isolate(builder.environment(), env);
        Process login = builder.start();
        StringBuilder output = new StringBuilder();
        HttpClient curl = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.ALWAYS).build();
        try (BufferedReader reader = login.inputReader()) {
            String line;
            while ((line = reader.readLine()) != null) {
                output.append(line).append('\n');
                Matcher url = AUTHORIZE_URL.matcher(line);
                if (url.find()) {
                    curl.send(HttpRequest.newBuilder(URI.create(url.group(1))).build(), HttpResponse.BodyHandlers.discarding());
                }
            }
        }
        assertThat(login.waitFor()).as(output.toString()).isZero();
        assertThat(output).contains("Signed in to sandbox (sandbox)");
    }

    /** `fedcred assume sandbox-gcp`, which must succeed; the ADC file it says it wrote. */
    Path assumeGcp() throws Exception {
        PeerProgram.Result assume = fedcred("assume", "sandbox-gcp");
        assertThat(assume.exitCode()).as(assume.err()).isZero();
        Matcher written = Pattern.compile("Wrote Application Default Credentials to (\\S+)").matcher(assume.out());
        assertThat(written.find()).as(assume.out()).isTrue();
        Path adc = Path.of(written.group(1));
        assertThat(Files.readString(adc)).contains("\"type\" : \"external_account\"");
        return adc;
    }

    /**
     * Appends {@code [profile PROFILE]} with {@code credential_process = <java> -jar fedcred.jar
     * credential-process TARGET} to the AWS config file, as a user would by hand. The profile name
     * must differ from the profile `assume` writes: a credentials-file profile of the same name
     * would shadow credential_process.
     */
    void addCredentialProcessProfile(String profile, String target, String region) throws Exception {
        Path config = home.resolve("aws/config");
        Files.createDirectories(config.getParent());
        String command = String.join(" ", fedcredCommand("credential-process", target).stream()
                .map(word -> "\"" + word + "\"").toList());
        Files.writeString(config, "[profile " + profile + "]\ncredential_process = " + command + "\nregion = " + region + "\n",
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static List<String> fedcredCommand(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return command;
    }

    @Override
    public void close() {
        sandbox.close();
    }
}
