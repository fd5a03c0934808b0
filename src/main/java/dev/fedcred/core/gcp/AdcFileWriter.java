package dev.fedcred.core.gcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fedcred.core.FedcredException;
import dev.fedcred.core.Json;
import dev.fedcred.core.files.BoundedFiles;
import dev.fedcred.core.files.FileSizeLimit;
import dev.fedcred.core.files.FileUpdateLock;
import dev.fedcred.core.files.SecureFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Writes and removes fedcred's ADC files. A file fedcred did not write (say, from
 * {@code gcloud auth application-default login}) is replaced only with {@code force}, after a
 * copy to {@code <file>.fedcred-backup} (0600, never overwritten); removing fedcred's file puts that
 * copy back. A symbolic link is followed and its target replaced; writes are atomic and 0600.
 */
public final class AdcFileWriter {
    public static final String BACKUP_SUFFIX = ".fedcred-backup";

    /** What {@link #remove} did. */
    public enum Removal { REMOVED, REMOVED_AND_RESTORED, NOTHING_TO_REMOVE }

    /**
     * Refuses early, before any network call, what {@link #write} would refuse: a file fedcred did
     * not write (without {@code force}), or one the user made read-only.
     */
    public void requireWritable(Path file, String targetName, boolean force) {
        Path real = SecureFiles.resolveSymbolicLinks(file);
        SecureFiles.requireWritableByOwner(real);
        Optional<String> existing = readIfExists(real);
        if (existing.isEmpty() || force) {
            return;
        }
        Optional<String> owner = ExternalAccountAdc.managedBy(existing.get());
        if (owner.isEmpty()) {
            throw new AdcNotManagedException(file + " holds Application Default Credentials that fedcred did not write"
                    + " (from `gcloud auth application-default login`?). Run again with --force to replace them; fedcred"
                    + " keeps a copy as " + backupOf(real) + " and `fedcred gcp remove " + targetName + "` puts it back."
                    + " Or give the target its own file with --adc.", file);
        }
    }

    /** @return the backup made now of a file fedcred did not write, if any */
    public Optional<Path> write(Path file, String targetName, ObjectNode adc, boolean force) {
        Path real = SecureFiles.resolveSymbolicLinks(file);
        // check, back up and write as one step, so another fedcred's write in between is never lost
        try (FileUpdateLock lock = FileUpdateLock.acquire(real)) {
            requireWritable(file, targetName, force);
            Optional<byte[]> existing = readBytesIfExists(real);
            Optional<Path> backup = Optional.empty();
            if (existing.isPresent() && ExternalAccountAdc.managedBy(new String(existing.get(), StandardCharsets.UTF_8)).isEmpty()
                    && !Files.exists(backupOf(real))) {
                SecureFiles.writeAtomically(backupOf(real), existing.get());
                backup = Optional.of(backupOf(real));
            }
            SecureFiles.writeAtomically(real, bytes(adc));
            return backup;
        }
    }

    /** Deletes the file if fedcred wrote it for this target, and restores the backup of the user's file. */
    public Removal remove(Path file, String targetName) {
        Path real = SecureFiles.resolveSymbolicLinks(file);
        if (!Files.isDirectory(real.getParent())) {
            return Removal.NOTHING_TO_REMOVE; // and no directory made for a lock file
        }
        try (FileUpdateLock lock = FileUpdateLock.acquire(real)) {
            return removeUnderLock(file, real, targetName);
        }
    }

    private Removal removeUnderLock(Path file, Path real, String targetName) {
        Optional<String> existing = readIfExists(real);
        if (existing.isEmpty()) {
            return Removal.NOTHING_TO_REMOVE;
        }
        Optional<String> owner = ExternalAccountAdc.managedBy(existing.get());
        if (owner.isEmpty()) {
            throw new AdcNotManagedException(file + " was not written by fedcred; it stays as it is.", file);
        }
        if (!owner.get().equals(targetName)) {
            throw new AdcNotManagedException(file + " was last written for the target " + owner.get() + ", not "
                    + targetName + "; remove it with `fedcred gcp remove " + owner.get() + "`.", file);
        }
        try {
            Path backup = backupOf(real);
            if (Files.exists(backup)) {
                Files.move(backup, real, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                return Removal.REMOVED_AND_RESTORED;
            }
            Files.delete(real);
            return Removal.REMOVED;
        } catch (IOException e) {
            throw new FedcredException("Cannot remove " + real + ": " + e.getMessage() + ". Delete it by hand.", e);
        }
    }

    public static Path backupOf(Path real) {
        return real.resolveSibling(real.getFileName() + BACKUP_SUFFIX);
    }

    /** The text of an ADC file (at most {@link FileSizeLimit#ADC_FILE}), or empty when there is none. */
    public static Optional<String> readIfExists(Path real) {
        return readBytesIfExists(real).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
    }

    private static Optional<byte[]> readBytesIfExists(Path real) {
        try {
            return Optional.of(BoundedFiles.read(real, FileSizeLimit.ADC_FILE));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new FedcredException("Cannot read " + real + ": " + e.getMessage() + ". Check its permissions.", e);
        }
    }

    private static byte[] bytes(ObjectNode adc) {
        try {
            return Json.MAPPER.writeValueAsBytes(adc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("ADC did not serialize", e);
        }
    }
}
