package dev.fedcred.core.settings;

import dev.fedcred.core.files.BoundedFiles;
import dev.fedcred.core.files.FileSizeLimit;
import dev.fedcred.core.files.FileTooLargeException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** The settings file's text, for {@link SettingsStore} and {@link TargetKindIds}. */
final class SettingsText {
    private SettingsText() {
    }

    /** The file's text; empty when there is no file. */
    static String read(Path file) {
        try {
            return BoundedFiles.readString(file, FileSizeLimit.SETTINGS);
        } catch (NoSuchFileException e) {
            return "";
        } catch (FileTooLargeException e) {
            throw new SettingsFileException(file, e.getMessage(), e);
        } catch (IOException e) {
            throw new SettingsFileException(file, "Cannot read the settings file " + file + ": " + e.getMessage(), e);
        }
    }
}
