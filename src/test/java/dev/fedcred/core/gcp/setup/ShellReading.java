package dev.fedcred.core.gcp.setup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Reads generated shell commands the way a user's shell will: a real bash runs them with
 * {@code gcloud} defined as a function that prints its arguments NUL-separated, so each command
 * comes back as the exact words gcloud would get, and nothing in them is executed. Each call's words
 * are NUL-terminated, each call ends with \1.
 */
public final class ShellReading {
    private ShellReading() {
    }

    /** Each gcloud call of {@code script}, as its argument words (without "gcloud"). */
    public static List<List<String>> gcloudCalls(String script, Path workingDirectory) throws IOException, InterruptedException {
        // `gcloud projects describe` answers as gcloud would: the project's ID
        String prelude = "gcloud() { if [ \"$1\" = projects ]; then echo looked-up-project; return; fi;"
                + " printf '%s\\0' \"$@\"; printf '\\1'; }\n";
        Process bash = new ProcessBuilder("bash", "-c", prelude + script).directory(workingDirectory.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] output = bash.getInputStream().readAllBytes();
        if (!bash.waitFor(30, TimeUnit.SECONDS) || bash.exitValue() != 0) {
            throw new AssertionError("bash could not run the generated commands:\n" + script);
        }
        List<List<String>> calls = new ArrayList<>();
        for (String call : new String(output, StandardCharsets.UTF_8).split("\u0001")) {
            if (!call.isEmpty()) {
                calls.add(new ArrayList<>(Arrays.asList(call.split("\u0000", -1)).subList(0, call.split("\u0000", -1).length - 1)));
            }
        }
        return calls;
    }

    /** The value of {@code --name=VALUE} among {@code words}, or null. */
    public static String flag(List<String> words, String name) {
        return words.stream().filter(w -> w.startsWith(name + "=")).map(w -> w.substring(name.length() + 1))
                .findFirst().orElse(null);
    }
}
