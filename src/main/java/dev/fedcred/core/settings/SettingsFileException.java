package dev.fedcred.core.settings;

import dev.fedcred.core.FedcredException;
import java.nio.file.Path;

/** The settings file cannot be read; it is left exactly as it is. */
public class SettingsFileException extends FedcredException {
    private final Path file;

    public SettingsFileException(Path file, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
