package dev.fedcred.ui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * The section names in an AWS credentials file, only to know whether "Remove profile" has
 * anything to remove. Core decides what may really be removed; this never writes.
 */
final class ProfileSections {
    private ProfileSections() {
    }

    /** Empty when the file is missing or unreadable: then there is nothing to offer to remove. */
    static Set<String> in(Path credentialsFile) {
        Set<String> names = new HashSet<>();
        try {
            for (String line : Files.readAllLines(credentialsFile, StandardCharsets.UTF_8)) {
                String text = line.strip();
                int end = text.indexOf(']');
                if (text.startsWith("[") && end > 1) {
                    names.add(text.substring(1, end).strip());
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            // missing, unreadable or not UTF-8: nothing fedcred could remove either
        }
        return names;
    }
}
