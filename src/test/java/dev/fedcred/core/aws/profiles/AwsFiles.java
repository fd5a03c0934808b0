package dev.fedcred.core.aws.profiles;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.profiles.ProfileFile;

/** Test helpers: fixtures, fake credentials, the text fedcred is expected to add, and the AWS SDK's own reading of a file. */
final class AwsFiles {
    static final Instant EXPIRES = Instant.parse("2026-11-29T21:00:00Z");
    // fakes in the style of the AWS documentation's AKIAIOSFODNN7EXAMPLE
    static final AwsCredentials CREDENTIALS = new AwsCredentials("ASIAIOSFODNN7EXAMPLE",
            "wJalrXUtnFEMI/K7MDENG/bPxRfiCYFAKEKEY01", "FwoGZXIvYXdzEFAKESESSIONTOKEN+/=01", EXPIRES);
    static final AwsCredentials NEWER = new AwsCredentials("ASIAI44QH8DHBEXAMPLE",
            "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbFAKEKEY02", "FwoGZXIvYXdzEFAKESESSIONTOKEN+/=02", EXPIRES.plusSeconds(3600));

    private AwsFiles() {
    }

    static byte[] fixture(String name) {
        try (InputStream in = AwsFiles.class.getResourceAsStream("/aws-files/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Bytes as one char per byte, so string comparisons are byte comparisons with readable diffs. */
    static String raw(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    static String raw(Path file) {
        try {
            return raw(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(String raw) {
        return raw.getBytes(StandardCharsets.ISO_8859_1);
    }

    static List<String> credentialsSection(String header, AwsCredentials credentials, String target) {
        String expires = credentials.expiration().toString();
        return List.of(header,
                "aws_access_key_id = " + credentials.accessKeyId(),
                "aws_secret_access_key = " + credentials.secretAccessKey(),
                "aws_session_token = " + credentials.sessionToken(),
                "x_security_token_expires = " + expires,
                "aws_credential_expiration = " + expires,
                "x_fedcred_managed = " + target);
    }

    static Map<String, String> credentialsProperties(AwsCredentials credentials, String target) {
        String expires = credentials.expiration().toString();
        return Map.of("aws_access_key_id", credentials.accessKeyId(),
                "aws_secret_access_key", credentials.secretAccessKey(),
                "aws_session_token", credentials.sessionToken(),
                "x_security_token_expires", expires,
                "aws_credential_expiration", expires,
                "x_fedcred_managed", target);
    }

    /**
     * What appending a section to {@code original} adds, by the documented rules: one empty
     * separator line (none in an empty file); in a file without a final newline the separator
     * also ends the user's last line and the section itself ends without one.
     */
    static String appended(String original, String eol, List<String> sectionLines) {
        String body = original.startsWith("\u00ef\u00bb\u00bf") ? original.substring(3) : original;
        boolean empty = body.isEmpty();
        boolean endsWithNewline = empty || body.endsWith("\n") || body.endsWith("\r");
        StringBuilder added = new StringBuilder();
        if (!empty) {
            added.append(endsWithNewline ? eol : eol + eol);
        }
        added.append(String.join(eol, sectionLines));
        if (endsWithNewline) {
            added.append(eol);
        }
        return added.toString();
    }

    /**
     * Every profile and property as the AWS SDK for Java reads the file. The SDK does not skip a
     * UTF-8 byte order mark, so one is dropped first; fedcred's own job is only to keep it.
     */
    static Map<String, Map<String, String>> sdkProfiles(Path file, ProfileFile.Type type) {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (content.length >= 3 && (content[0] & 0xff) == 0xef && (content[1] & 0xff) == 0xbb && (content[2] & 0xff) == 0xbf) {
            content = Arrays.copyOfRange(content, 3, content.length);
        }
        ProfileFile parsed = ProfileFile.builder().content(new ByteArrayInputStream(content)).type(type).build();
        Map<String, Map<String, String>> profiles = new TreeMap<>();
        parsed.profiles().forEach((name, profile) -> profiles.put(name, new TreeMap<>(profile.properties())));
        return profiles;
    }

    /** The SDK's reading of the file exactly as it is on disk, through the Path API the SDKs use. */
    static ProfileFile sdkFile(Path file, ProfileFile.Type type) {
        return ProfileFile.builder().content(file).type(type).build();
    }
}
