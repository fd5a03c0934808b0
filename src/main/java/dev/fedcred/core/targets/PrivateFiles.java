package dev.fedcred.core.targets;

import dev.fedcred.core.launch.ShellWords;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The check that a file holding tokens or credentials, and a directory fedcred keeps them in, is
 * the owner's alone (0600, 0700), as fedcred writes them: a later chmod, a copy or an editor
 * that rewrote the file may have opened it to the group or to everyone. Not on a file system
 * without POSIX permissions (Windows), nor for a file that is not there.
 */
public final class PrivateFiles {
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private PrivateFiles() {
    }

    /** A finding when {@code file} (or directory) may be read or changed by someone besides its owner. */
    public static Optional<Finding> check(Path file, String what) {
        Set<PosixFilePermission> permissions;
        try {
            if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.empty();
            }
            permissions = Files.getPosixFilePermissions(file);
        } catch (UnsupportedOperationException | IOException unknown) {
            return Optional.empty();
        }
        Set<PosixFilePermission> open = EnumSet.noneOf(PosixFilePermission.class);
        open.addAll(permissions);
        open.retainAll(OTHERS);
        if (open.isEmpty()) {
            return Optional.empty();
        }
        boolean directory = Files.isDirectory(file);
        String mode = directory ? "700" : "600";
        return Optional.of(Finding.errorFixedBy(what + " " + file + " is open to " + (open.stream().anyMatch(
                        p -> p.name().startsWith("OTHERS")) ? "every user" : "its group") + " (" + PosixFilePermissions.toString(permissions)
                        + "); fedcred keeps it " + (directory ? "rwx------ (0700)" : "rw------- (0600)") + ".",
                "chmod " + mode + " " + ShellWords.quoted(file.toString())));
    }
}
