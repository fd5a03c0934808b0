package dev.fedcred.core.aws.profiles;

import dev.fedcred.core.targets.NotWrittenByFedcredException;
import java.nio.file.Path;

/** The profile exists and fedcred did not write it; fedcred left it unchanged. */
public class ProfileNotManagedException extends NotWrittenByFedcredException {
    private final String profile;

    public ProfileNotManagedException(Path file, String profile, String whatToDo) {
        super("The AWS profile '" + profile + "' in " + file + " was not written by fedcred, so fedcred left it"
                + " unchanged. " + whatToDo, file);
        this.profile = profile;
    }

    static ProfileNotManagedException onWrite(Path file, String profile) {
        return new ProfileNotManagedException(file, profile, "To replace it with fedcred's credentials, use --force"
                + " (CLI) or confirm in the app to replace it; or choose another profile name.");
    }

    static ProfileNotManagedException onRemove(Path file, String profile) {
        return new ProfileNotManagedException(file, profile, "Remove it by editing the file yourself if you no"
                + " longer need it.");
    }

    public String profile() {
        return profile;
    }
}
