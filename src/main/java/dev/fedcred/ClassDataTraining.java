package dev.fedcred;

import dev.fedcred.cli.CachedCredentialProcess;
import dev.fedcred.cli.CachedKubeCredential;
import dev.fedcred.cli.DirectAssume;
import dev.fedcred.cli.FedcredCommand;
import dev.fedcred.core.oidc.BrowserOpener;
import dev.fedcred.sandbox.SandboxOptions;
import dev.fedcred.sandbox.SandboxServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
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
import java.util.Comparator;
import java.util.List;
import java.util.Map;
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
 * window cannot be shown where this runs (a package's postinst has no display), so it loads the
 * classes a real start of the window loaded, from a list made where there was one, by name and
 * without initialising them.
 */
public final class ClassDataTraining {
    /** The class names the desktop window loads, one a line, '#' starting a comment. */
    static final String DESKTOP_CLASSES = "/dev/fedcred/desktop-classes.txt";
    /** The argument that trains the window's archive instead of the command line's. */
    static final String WINDOW = "window";
    /** Where the window's own classes are, which the command line's archive leaves out. */
    private static final String WINDOW_CLASSES = "dev/fedcred/ui/";

    private ClassDataTraining() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals(WINDOW)) {
            loadDesktopClasses();
            System.exit(0);
        }
        Path home = Files.createTempDirectory("fedcred-cds-training");
        try {
            runCommands(home);
            loadCommandLineClasses();
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
            CachedCredentialProcess.answer(env, context.clock(), discard, "credential-process", "sandbox-aws");
            for (List<String> command : List.of(List.of("--version"), List.of("--help"),
                    List.of("login", "--issuer", "sandbox", "--timeout", "60"), List.of("claims"),
                    List.of("assume", "sandbox-aws"), List.of("assume", "sandbox-gcp"),
                    List.of("credential-process", "sandbox-aws"), List.of("env", "sandbox-aws"),
                    List.of("gcp", "print-access-token", "sandbox-gcp"), List.of("targets", "list"),
                    List.of("issuers", "list"), List.of("kube", "credential", "sandbox-eks"))) {
                FedcredCommand.execute(context, discard, discard, command.toArray(String[]::new));
            }
            CachedCredentialProcess.answer(env, context.clock(), discard, "credential-process", "sandbox-aws");
            CachedKubeCredential.answer(context, discard, "kube", "credential", "sandbox-eks");
            DirectAssume.run(context, discard, discard, "assume", "sandbox-aws");
        }
    }

    /**
     * The classes the window loads up to idle with two sessions ({@value #DESKTOP_CLASSES}, made by
     * packaging/desktop-class-list from a real start under Xvfb), loaded but not initialised. Not
     * every class of JavaFX: the archive holds what a start maps, and a start touches most of it
     * (idle RSS with two sessions: 196 MiB with every JavaFX class archived).
     */
    static void loadDesktopClasses() throws IOException {
        ClassLoader loader = ClassDataTraining.class.getClassLoader();
        try (InputStream list = ClassDataTraining.class.getResourceAsStream(DESKTOP_CLASSES)) {
            if (list == null) {
                System.err.println("No " + DESKTOP_CLASSES + " in the class path: desktop classes not loaded.");
                return;
            }
            new BufferedReader(new InputStreamReader(list, StandardCharsets.UTF_8)).lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .forEach(name -> load(loader, name));
        }
    }

    /**
     * Every class of fedcred's own jar but the window's ({@code dev/fedcred/ui/}): the commands above
     * go in below {@link Main}, so {@code Main} itself and what it touches before it answers would
     * otherwise be read from the jar on every start (cached {@code credential-process}: ~35 ms more).
     */
    private static void loadCommandLineClasses() throws IOException, URISyntaxException {
        Path ownJar = Path.of(ClassDataTraining.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (!Files.isRegularFile(ownJar)) {
            System.err.println("Not started from fedcred.jar (" + ownJar + "): its classes not loaded.");
            return;
        }
        ClassLoader loader = ClassDataTraining.class.getClassLoader();
        try (JarFile jar = new JarFile(ownJar.toFile())) {
            jar.stream().map(JarEntry::getName)
                    .filter(name -> name.startsWith("dev/fedcred/") && name.endsWith(".class") && !name.startsWith(WINDOW_CLASSES))
                    .forEach(name -> load(loader, name.substring(0, name.length() - ".class".length()).replace('/', '.')));
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
