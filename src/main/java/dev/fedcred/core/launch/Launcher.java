package dev.fedcred.core.launch;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How this very fedcred is started, to name it to people (hints a user copies) and to programs
 * (the AWS CLI's credential_process): the installed launcher, or a JVM running this jar.
 *
 * @param installed the installed launcher's path (jpackage.app-path, which /usr/bin/fedcred sets), or null
 * @param jar       the jar fedcred runs from, or null when it runs from a class directory (tests, an IDE)
 * @param java      the java command of this JVM
 */
public record Launcher(String installed, Path jar, String java) {
    /** The fedcred of this process. */
    public static Launcher current() {
        return new Launcher(System.getProperty("jpackage.app-path"), ownJar(),
                ProcessHandle.current().info().command().orElse("java"));
    }

    /** What a user types: {@code fedcred} when installed, else {@code java -jar /abs/path/fedcred.jar}. */
    public String forPeople() {
        if (isInstalled() || jar == null) {
            return "fedcred";
        }
        return join(List.of("java", "-jar", jar.toString()));
    }

    /** {@link #forPeople()} followed by {@code args}, for a hint a user copies. */
    public String forPeople(String... args) {
        return forPeople() + " " + join(List.of(args));
    }

    /**
     * The full command line for another program: the installed launcher's path (not the JDK
     * behind it, which an upgrade moves), else this JVM's java running this jar.
     */
    public String forPrograms(String... args) {
        return join(programWords(args));
    }

    /** As {@link #forPrograms}, word by word, for a program that takes a command and its arguments apart (kubectl's exec plugin). */
    public List<String> programWords(String... args) {
        List<String> words = new ArrayList<>();
        if (isInstalled()) {
            words.add(installed);
        } else if (jar != null) {
            words.addAll(List.of(java, "-jar", jar.toString()));
        } else {
            words.add("fedcred");
        }
        words.addAll(List.of(args));
        return words;
    }

    private boolean isInstalled() {
        return installed != null && !installed.isBlank();
    }

    private static Path ownJar() {
        try {
            Path location = Path.of(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return location.toString().endsWith(".jar") ? location.toAbsolutePath() : null;
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            return null;
        }
    }

    private static String join(List<String> words) {
        return words.stream().map(ShellWords::quoted).collect(Collectors.joining(" "));
    }
}
