package dev.fedcred.core.aws.profiles;

import dev.fedcred.core.files.BoundedFiles;
import dev.fedcred.core.files.FileSizeLimit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the profiles of an AWS credentials or config file as the SDKs do, for checks and imports
 * that only look: every profile section in file order, duplicates included (the writer refuses
 * them; a reader wants to name them). Bounded like every read of the AWS files; a line the SDKs
 * would reject is an {@link AwsFileParseException} naming the line, never quoting it.
 */
public final class AwsProfileFiles {
    private AwsProfileFiles() {
    }

    /**
     * One profile's section.
     *
     * @param line       the header's line number
     * @param properties its keys and values, the last of a repeated key winning
     */
    public record ProfileSection(String profile, int line, Map<String, String> properties) {
        public ProfileSection {
            properties = Map.copyOf(properties);
        }
    }

    /** The credentials file's profiles; empty when there is no file. */
    public static List<ProfileSection> credentials(Path file) {
        return read(file, AwsFileKind.CREDENTIALS);
    }

    /** The config file's profiles ({@code [profile x]} and {@code [default]}); empty when there is no file. */
    public static List<ProfileSection> config(Path file) {
        return read(file, AwsFileKind.CONFIG);
    }

    private static List<ProfileSection> read(Path file, AwsFileKind kind) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        byte[] content;
        try {
            content = BoundedFiles.read(file, FileSizeLimit.AWS_FILE);
        } catch (IOException e) {
            throw new dev.fedcred.core.FedcredException("Cannot read " + file + ": "
                    + dev.fedcred.core.text.OutsideText.shown(e.getMessage()) + ". Check that you can read it.", e);
        }
        ProfileDocument document = ProfileDocument.parse(file, kind, content);
        List<ProfileSection> sections = new ArrayList<>();
        for (Map.Entry<String, ProfileDocument.Section> entry : document.profileSections()) {
            ProfileDocument.Section section = entry.getValue();
            sections.add(new ProfileSection(entry.getKey(), section.lineNumber(), document.properties(section)));
        }
        return sections;
    }
}
