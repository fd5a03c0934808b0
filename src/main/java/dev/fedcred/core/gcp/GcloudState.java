package dev.fedcred.core.gcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fedcred.core.targets.CheckContext;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * What gcloud will use, asked of gcloud itself ({@code gcloud auth list} and {@code gcloud config
 * list}, JSON) in the checked environment, so CLOUDSDK_CONFIG and the rest count as they do for
 * the user's own gcloud. Each run is bounded in time and output; gcloud may be absent.
 *
 * @param activeAccount       the account gcloud's commands use; null when none
 * @param credentialFileOverride auth/credential_file_override; null when unset
 * @param configDir           CLOUDSDK_CONFIG when set; null for gcloud's default
 */
record GcloudState(String activeAccount, String credentialFileOverride, String configDir) {
    static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final int MAX_OUTPUT = 256 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** gcloud's state, or empty when there is no gcloud on the PATH or it did not answer in time. */
    static Optional<GcloudState> of(CheckContext context) {
        Optional<Path> gcloud = onPath(context.variable("PATH"));
        if (gcloud.isEmpty()) {
            return Optional.empty();
        }
        try {
            // the two runs at once: each is a Python start-up of a second or more
            CompletableFuture<JsonNode> asked = CompletableFuture.supplyAsync(() -> runUnchecked(gcloud.get(), context,
                    "auth", "list", "--format=json"));
            JsonNode config = run(gcloud.get(), context, "config", "list", "--format=json");
            JsonNode accounts = asked.join();
            String active = null;
            for (JsonNode account : accounts) {
                if ("ACTIVE".equals(account.path("status").asText())) {
                    active = account.path("account").asText(null);
                }
            }
            if (active == null) {
                active = config.path("core").path("account").asText(null);
            }
            return Optional.of(new GcloudState(active, config.path("auth").path("credential_file_override").asText(null),
                    context.variable("CLOUDSDK_CONFIG")));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static JsonNode runUnchecked(Path gcloud, CheckContext context, String... args) {
        try {
            return run(gcloud, context, args);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode run(Path gcloud, CheckContext context, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(gcloud.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.clear();
        env.putAll(context.environment());
        // never a prompt nobody sees, nor a survey or update check over the network
        env.put("CLOUDSDK_CORE_DISABLE_PROMPTS", "1");
        env.put("CLOUDSDK_COMPONENT_MANAGER_DISABLE_UPDATE_CHECK", "true");
        Process process = builder.redirectInput(ProcessBuilder.Redirect.PIPE).start();
        process.getOutputStream().close();
        CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> drain(process.getInputStream()));
        CompletableFuture.runAsync(() -> drain(process.getErrorStream()));
        if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IOException("gcloud did not answer within " + TIMEOUT.toSeconds() + " s");
        }
        if (process.exitValue() != 0) {
            throw new IOException("gcloud exited " + process.exitValue());
        }
        return JSON.readTree(out.join());
    }

    private static byte[] drain(InputStream in) {
        try (in) {
            ByteArrayOutputStream kept = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int read;
            while ((read = in.read(buffer)) >= 0) {
                if (kept.size() < MAX_OUTPUT) {
                    kept.write(buffer, 0, Math.min(read, MAX_OUTPUT - kept.size()));
                }
            }
            return kept.toByteArray();
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static Optional<Path> onPath(String path) {
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "gcloud");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
