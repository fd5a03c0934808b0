package dev.fedcred.core.aws;

import dev.fedcred.core.aws.profiles.AwsProfileFiles.ProfileSection;
import dev.fedcred.core.launch.Launcher;
import dev.fedcred.core.targets.CheckContext;
import dev.fedcred.core.targets.Finding;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A config profile's {@code credential_process} that asks fedcred ({@code … credential-process
 * TARGET}) must name a fedcred that is still there: after an upgrade moved the jar or the app, the
 * AWS CLI fails with nothing but "Error when retrieving credentials from custom-process".
 * Other programs' lines are left alone.
 */
final class CredentialProcessLine {
    private static final String KEY = "credential_process";

    private CredentialProcessLine() {
    }

    static Optional<Finding> check(Path configFile, ProfileSection section, CheckContext context) {
        String line = section.properties().get(KEY);
        if (line == null) {
            return Optional.empty();
        }
        List<String> words = words(line);
        int subcommand = words.indexOf("credential-process");
        if (subcommand < 1 || words.stream().noneMatch(word -> word.toLowerCase(java.util.Locale.ROOT).contains("fedcred"))) {
            return Optional.empty();
        }
        Optional<String> missing = missing(words, context);
        String target = subcommand + 1 < words.size() ? words.get(subcommand + 1) : "TARGET";
        return missing.map(what -> Finding.errorFixedBy("The profile " + section.profile() + " in " + configFile
                        + " (line " + section.line() + ") runs fedcred through " + what
                        + ", which is not there: the AWS CLI cannot get its credentials.",
                Launcher.current().forPeople("aws", "install-profile", target, "--profile", section.profile())));
    }

    /** What of the command line is missing: the executable, or the jar java is told to run. */
    private static Optional<String> missing(List<String> words, CheckContext context) {
        String program = words.get(0);
        if (!exists(program, context)) {
            return Optional.of(program);
        }
        int jarFlag = words.indexOf("-jar");
        if (jarFlag >= 0 && jarFlag + 1 < words.size() && !isFile(words.get(jarFlag + 1))) {
            return Optional.of(words.get(jarFlag + 1));
        }
        return Optional.empty();
    }

    private static boolean exists(String program, CheckContext context) {
        if (program.contains("/") || program.contains(File.separator)) {
            return isFile(program) && Files.isExecutable(Path.of(program));
        }
        String path = context.variable("PATH");
        if (path == null) {
            return true; // nothing to search: say nothing rather than something false
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && isFile(dir + File.separator + program) && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isFile(String path) {
        try {
            return Files.isRegularFile(Path.of(path));
        } catch (InvalidPathException e) {
            return false;
        }
    }

    /** The words as botocore splits the line (POSIX shell rules: single and double quotes, backslash). */
    static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"' && i + 1 < line.length()) {
                    word.append(line.charAt(++i));
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                word = word == null ? new StringBuilder() : word;
            } else if (c == '\\' && i + 1 < line.length()) {
                word = word == null ? new StringBuilder() : word;
                word.append(line.charAt(++i));
            } else if (Character.isWhitespace(c)) {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
            } else {
                word = word == null ? new StringBuilder() : word;
                word.append(c);
            }
        }
        if (word != null) {
            words.add(word.toString());
        }
        return words;
    }
}
