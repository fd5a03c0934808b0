package dev.fedcred.core.secrets;

import dev.fedcred.core.text.OutsideText;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a keychain's command-line tool with a secret on standard input (never in its arguments
 * or environment, where other users' `ps` could see it), and gives up after a timeout, since a
 * locked keychain may wait forever for a prompt nobody sees.
 */
final class SecretCommand {
    record Result(int exitCode, String out, String err) {
        boolean succeeded() {
            return exitCode == 0;
        }

        /** Why the tool failed, for a message: its first line on stderr, else its exit code. */
        String reason() {
            return err.isEmpty() ? "exit code " + exitCode : OutsideText.shown(err.lines().findFirst().orElse(""));
        }
    }

    private final String keychainName;
    private final Map<String, String> environment;
    private final Duration timeout;

    SecretCommand(String keychainName, Map<String, String> environment, Duration timeout) {
        this.keychainName = keychainName;
        this.environment = Map.copyOf(environment);
        this.timeout = timeout;
    }

    Result run(List<String> command, String stdin) {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().clear();
        builder.environment().putAll(environment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new KeychainUnavailableException("The " + keychainName + " cannot be used: " + command.get(0)
                    + " did not start (" + e.getMessage() + ").", e);
        }
        CompletableFuture<String> out = drain(process.getInputStream());
        CompletableFuture<String> err = drain(process.getErrorStream());
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // the tool exited before reading its input; its exit code and stderr say why
        }
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new KeychainUnavailableException("The " + keychainName + " did not answer within "
                        + timeout.toSeconds() + " s; it may be locked and waiting for a password prompt. Unlock it and try again.");
            }
            return new Result(process.exitValue(), out.get(timeout.toMillis(), TimeUnit.MILLISECONDS),
                    err.get(timeout.toMillis(), TimeUnit.MILLISECONDS).strip());
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new KeychainUnavailableException("Interrupted while waiting for the " + keychainName + ".", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new KeychainUnavailableException("The " + keychainName + "'s answer could not be read.", e);
        }
    }

    /** Each stream gets its own thread: the common pool may have one thread on a small machine. */
    private static void daemonThread(Runnable work) {
        Thread thread = new Thread(work, "fedcred-keychain-io");
        thread.setDaemon(true);
        thread.start();
    }

    private static CompletableFuture<String> drain(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        }, SecretCommand::daemonThread);
    }
}
