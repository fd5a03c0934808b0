package dev.fedcred;

import dev.fedcred.cli.CachedCredentialProcess;
import dev.fedcred.cli.CachedKubeCredential;
import dev.fedcred.cli.DirectAssume;
import dev.fedcred.cli.FedcredCommand;
import dev.fedcred.core.oidc.BrowserOpener;
import dev.fedcred.sandbox.SandboxOptions;
import dev.fedcred.sandbox.SandboxServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The training run for fedcred's class-data sharing archive (AppCDS). Run it once with
 * {@code -XX:ArchiveClassesAtExit=fedcred.jsa} and the same class path as the app; later starts
 * with {@code -XX:SharedArchiveFile=fedcred.jsa} map the classes it loaded instead of parsing and
 * verifying them again.
 *
 * <p>It goes through what users start most, against a private sandbox in a temporary home: sign-in,
 * AWS and GCP assume, {@code credential-process} and {@code kube credential} with cached credentials,
 * {@code --help}. The
 * window cannot be shown where this runs (a package's postinst has no display), so it loads
 * every class of fedcred and JavaFX by name instead, without initialising them.
 */
public final class ClassDataTraining {
    private ClassDataTraining() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Files.createTempDirectory("fedcred-cds-training");
        try {
            runCommands(home);
            loadDesktopClasses();
        } finally {
            deleteTree(home);
        }
        System.exit(0);
    }

    private static void runCommands(Path home) throws IOException {
        Path fedcredHome = home.resolve("fedcred");
        try (SandboxServer sandbox = SandboxServer.start(SandboxOptions.defaults().withPort(0).withGcpPort(0)
                .withAutoApprove(true).withDataDir(fedcredHome.resolve("state/sandbox")))) {
            Map<String, String> env = Map.of(
                    "HOME", home.toString(),
                    "FEDCRED_HOME", fedcredHome.toString(),
                    "FEDCRED_SANDBOX_PORT", String.valueOf(sandbox.issuerUri().getPort()),
                    "FEDCRED_SANDBOX_GCP_PORT", String.valueOf(URI.create(sandbox.endpoints().get("gcp-sts")).getPort()),
                    "AWS_SHARED_CREDENTIALS_FILE", home.resolve("aws/credentials").toString(),
                    "AWS_CONFIG_FILE", home.resolve("aws/config").toString());
            FedcredContext context = new FedcredContext(env, Clock.systemUTC(), new FollowingBrowser());
            PrintWriter discard = new PrintWriter(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
            CachedCredentialProcess.answer(context, discard, "credential-process", "sandbox-aws");
            for (List<String> command : List.of(List.of("--version"), List.of("--help"),
                    List.of("login", "--issuer", "sandbox", "--timeout", "60"), List.of("claims"),
                    List.of("assume", "sandbox-aws"), List.of("assume", "sandbox-gcp"),
                    List.of("credential-process", "sandbox-aws"), List.of("env", "sandbox-aws"),
                    List.of("gcp", "print-access-token", "sandbox-gcp"), List.of("targets", "list"),
                    List.of("issuers", "list"), List.of("kube", "credential", "sandbox-eks"))) {
                FedcredCommand.execute(context, discard, discard, command.toArray(String[]::new));
            }
            CachedCredentialProcess.answer(context, discard, "credential-process", "sandbox-aws");
            CachedKubeCredential.answer(context, discard, "kube", "credential", "sandbox-eks");
            DirectAssume.run(context, discard, discard, "assume", "sandbox-aws");
        }
    }

    /** Every class of fedcred's own jar and of the JavaFX jars its manifest names, loaded but not initialised. */
    private static void loadDesktopClasses() throws IOException, URISyntaxException {
        Path ownJar = Path.of(ClassDataTraining.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (!Files.isRegularFile(ownJar)) {
            System.err.println("Not started from fedcred.jar (" + ownJar + "): desktop classes not loaded.");
            return;
        }
        List<Path> jars = new ArrayList<>(List.of(ownJar));
        try (JarFile own = new JarFile(ownJar.toFile())) {
            String classPath = own.getManifest().getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
            for (String entry : classPath == null ? new String[0] : classPath.trim().split("\\s+")) {
                if (entry.contains("javafx-")) {
                    jars.add(ownJar.resolveSibling(entry));
                }
            }
        }
        ClassLoader loader = ClassDataTraining.class.getClassLoader();
        for (Path jar : jars) {
            try (JarFile file = new JarFile(jar.toFile())) {
                file.stream().map(JarEntry::getName)
                        .filter(name -> name.endsWith(".class") && !name.startsWith("META-INF/") && !name.contains("module-info"))
                        .forEach(name -> load(loader, name.substring(0, name.length() - ".class".length()).replace('/', '.')));
            }
        }
    }

    private static void load(ClassLoader loader, String className) {
        try {
            Class.forName(className, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            // another platform's class (Windows or macOS glass), or one a missing optional library needs
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /** Follows the authorization URL through the auto-approving sandbox to the loopback receiver. */
    private static final class FollowingBrowser implements BrowserOpener {
        private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.ALWAYS)
                .connectTimeout(Duration.ofSeconds(5)).build();

        @Override
        public boolean open(URI uri) {
            client.sendAsync(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return true;
        }
    }
}
