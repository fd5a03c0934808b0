package dev.fedcred.core.launch;

import dev.fedcred.core.FedcredException;
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

    /** {@link #forPrograms} as separate words, for a program that takes them one by one (launchd, systemd, kubectl's exec plugin). */
    public List<String> programWords(String... args) {
        List<String> words = start(List.of("fedcred"));
        words.addAll(List.of(args));
        return List.copyOf(words);
    }

    /**
     * The command an ADC file's executable source runs: as {@link #forPrograms}, and from a class
     * directory (`mvn`, an IDE, the tests) this JVM's java with its class path, so it works wherever
     * the writer ran. Google's libraries split the command at spaces and know no quoting, so a word
     * with white space in it (a path under "Program Files") is refused.
     *
     * @throws FedcredException naming the word and what to do instead
     */
    public String forGoogleExecutable(String... args) {
        List<String> words = start(List.of(java, "-cp", System.getProperty("java.class.path"), "dev.fedcred.Main"));
        words.addAll(List.of(args));
        for (String word : words) {
            if (word.isEmpty() || word.chars().anyMatch(Character::isWhitespace)) {
                throw new FedcredException("Google's libraries split an ADC file's command at spaces, and the command"
                        + " that runs fedcred has a space in " + ShellWords.quoted(word) + ". Install fedcred or run it"
                        + " from a path without spaces, or give the target the file source (adc_source=file).");
            }
        }
        return String.join(" ", words);
    }

    /** The words that start fedcred: the installed launcher, else java running this jar, else {@code fromClasses}. */
    private List<String> start(List<String> fromClasses) {
        if (isInstalled()) {
            return new ArrayList<>(List.of(installed));
        }
        return new ArrayList<>(jar != null ? List.of(java, "-jar", jar.toString()) : fromClasses);
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
