package dev.fedcred.core.files;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.regex.Pattern;

/**
 * The temp files of an atomic write: {@code .credentials.fedcred-<digits>.tmp} beside
 * {@code credentials}. They must sit in the target's directory (a rename is atomic only within one
 * file system); the leading dot hides them from listings and globs, the {@code .tmp} ending keeps
 * them out of every tool's own file names ({@code *.json}, {@code credentials}, {@code config}) and
 * out of backups that skip temp files, and {@code fedcred-} marks them as fedcred's, so that only
 * fedcred's own are ever deleted.
 */
final class TempFiles {
    private static final String MARK = "fedcred-";
    private static final String SUFFIX = ".tmp";

    private TempFiles() {
    }

    static Path create(Path target) throws IOException {
        Path dir = target.getParent();
        String prefix = "." + target.getFileName() + "." + MARK;
        if (SecureFiles.isPosix(dir)) {
            return Files.createTempFile(dir, prefix, SUFFIX, PosixFilePermissions.asFileAttribute(SecureFiles.OWNER_FILE));
        }
        return Files.createTempFile(dir, prefix, SUFFIX);
    }

    /**
     * Deletes the temp files of {@code target} that a writer killed mid-write left behind (each a
     * full copy of the credentials it was writing). The caller holds the target's
     * {@link FileUpdateLock}, so no live writer owns one of them. Also matches the names earlier
     * fedcred versions used ({@code .credentials.<digits>.tmp}).
     */
    static void removeLeftovers(Path target) {
        Pattern ours = Pattern.compile(Pattern.quote("." + target.getFileName() + ".") + "(" + MARK + ")?[0-9]+"
                + Pattern.quote(SUFFIX));
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(target.getParent(),
                entry -> ours.matcher(entry.getFileName().toString()).matches())) {
            for (Path leftover : entries) {
                if (Files.isRegularFile(leftover, LinkOption.NOFOLLOW_LINKS)) {
                    SecureFiles.deleteQuietly(leftover);
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // cleaning up is a courtesy: the write itself must not fail for it
        }
    }
}
