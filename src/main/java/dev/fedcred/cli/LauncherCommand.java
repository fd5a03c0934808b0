package dev.fedcred.cli;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How another program (the AWS CLI's credential_process) starts this very fedcred: the
 * installed launcher when jpackage started us, else this JVM running this jar.
 */
final class LauncherCommand {
    private LauncherCommand() {
    }

    static String commandLine(String... args) {
        List<String> words = new ArrayList<>(launcher());
        words.addAll(List.of(args));
        return words.stream().map(LauncherCommand::quoted).collect(Collectors.joining(" "));
    }

    private static List<String> launcher() {
        String installed = System.getProperty("jpackage.app-path");
        if (installed != null && !installed.isBlank()) {
            return List.of(installed);
        }
        Path jar = ownJar();
        if (jar != null) {
            String java = ProcessHandle.current().info().command().orElse("java");
            return List.of(java, "-jar", jar.toString());
        }
        return List.of("fedcred");
    }

    private static Path ownJar() {
        try {
            Path location = Path.of(LauncherCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return location.toString().endsWith(".jar") ? location.toAbsolutePath() : null;
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            return null;
        }
    }

    /** botocore splits credential_process like a POSIX shell, so quote words with spaces or quotes. */
    private static String quoted(String word) {
        if (word.matches("[\\w@%+=:,./-]+")) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
