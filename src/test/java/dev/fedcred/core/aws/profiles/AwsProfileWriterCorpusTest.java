package dev.fedcred.core.aws.profiles;

import static dev.fedcred.core.aws.profiles.AwsFiles.CREDENTIALS;
import static dev.fedcred.core.aws.profiles.AwsFiles.NEWER;
import static dev.fedcred.core.aws.profiles.AwsFiles.appended;
import static dev.fedcred.core.aws.profiles.AwsFiles.bytes;
import static dev.fedcred.core.aws.profiles.AwsFiles.credentialsProperties;
import static dev.fedcred.core.aws.profiles.AwsFiles.credentialsSection;
import static dev.fedcred.core.aws.profiles.AwsFiles.raw;
import static dev.fedcred.core.aws.profiles.AwsFiles.sdkProfiles;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * Real-world file shapes, each also with CRLF line endings and without a final newline: writing
 * a profile only appends fedcred's section (every original byte stays where it was), the AWS SDK
 * reads the new profile and every other profile exactly as before, rewriting changes only the
 * section, and removing it restores the original bytes.
 */
class AwsProfileWriterCorpusTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-29T20:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path home;

    enum Variant {
        AS_IS, CRLF, NO_FINAL_NEWLINE, CRLF_NO_FINAL_NEWLINE;

        String apply(String raw) {
            String text = this == CRLF || this == CRLF_NO_FINAL_NEWLINE ? raw.replace("\n", "\r\n") : raw;
            if (this == NO_FINAL_NEWLINE || this == CRLF_NO_FINAL_NEWLINE) {
                text = text.endsWith("\r\n") ? text.substring(0, text.length() - 2)
                        : text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
            }
            return text;
        }

        String eol() {
            return this == CRLF || this == CRLF_NO_FINAL_NEWLINE ? "\r\n" : "\n";
        }
    }

    static Stream<Arguments> credentialsFiles() {
        List<String> fixtures = List.of("credentials-many-profiles", "credentials-odd-spacing",
                "credentials-unicode-comments", "credentials-bom", "credentials-default-only",
                "credentials-with-managed-section", "credentials-empty", "(does not exist)", "(1,000 profiles)");
        return variantsOf(fixtures);
    }

    static Stream<Arguments> configFiles() {
        return variantsOf(List.of("config-nested", "config-default-only", "credentials-empty", "(does not exist)"));
    }

    private static Stream<Arguments> variantsOf(List<String> fixtures) {
        List<Arguments> cases = new ArrayList<>();
        for (String fixture : fixtures) {
            for (Variant variant : Variant.values()) {
                cases.add(Arguments.of(fixture, variant));
            }
        }
        return cases.stream();
    }

    /** The fixture's text in the variant, or null for a file that does not exist. */
    private static String original(String fixture, Variant variant) {
        if (fixture.equals("(does not exist)")) {
            return null;
        }
        String raw = fixture.equals("(1,000 profiles)") ? thousandProfiles() : raw(AwsFiles.fixture(fixture));
        return variant.apply(raw);
    }

    static String thousandProfiles() {
        StringBuilder file = new StringBuilder("# generated: 1,000 profiles\n");
        for (int i = 0; i < 1000; i++) {
            file.append(String.format("[profile-%04d]%naws_access_key_id = AKIAIOSFODNN%04dFAKE%n"
                    + "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCY%04dFAKEKEY%n%n", i, i, i)
                    .replace("\r\n", "\n"));
        }
        return file.toString();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("credentialsFiles")
    void credentialsOnlyGainFedcredsSectionAndRemovingItRestoresTheBytes(String fixture, Variant variant) throws Exception {
        Path file = home.resolve(".aws/credentials");
        String original = original(fixture, variant);
        if (original != null) {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes(original));
        }
        String before = original == null ? "" : original;
        Map<String, Map<String, String>> profilesBefore = original == null ? Map.of()
                : sdkProfiles(file, ProfileFile.Type.CREDENTIALS);
        AwsProfileWriter writer = new AwsProfileWriter(new AwsFileLocations(file, home.resolve(".aws/config")), CLOCK);
        String eol = original == null || !original.contains("\n") ? System.lineSeparator() : variant.eol();

        writer.writeCredentials("fedcred-test", "target-a", CREDENTIALS, false);

        String written = raw(file);
        assertThat(written).startsWith(before);
        assertThat(written.substring(before.length()))
                .isEqualTo(appended(before, eol, credentialsSection("[fedcred-test]", CREDENTIALS, "target-a")));
        Map<String, Map<String, String>> expected = new TreeMap<>(profilesBefore);
        expected.put("fedcred-test", new TreeMap<>(credentialsProperties(CREDENTIALS, "target-a")));
        assertThat(sdkProfiles(file, ProfileFile.Type.CREDENTIALS)).isEqualTo(expected);
        assertThat(writer.readManaged("fedcred-test")).contains(CREDENTIALS);

        writer.writeCredentials("fedcred-test", "target-a", NEWER, false);

        assertThat(raw(file)).isEqualTo(before
                + appended(before, eol, credentialsSection("[fedcred-test]", NEWER, "target-a")));

        assertThat(writer.remove("fedcred-test")).isTrue();

        assertThat(raw(file)).isEqualTo(before);
        assertThat(writer.remove("fedcred-test")).isFalse();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("configFiles")
    void configOnlyGainsFedcredsSectionAndRemovingItRestoresTheBytes(String fixture, Variant variant) throws Exception {
        Path config = home.resolve(".aws/config");
        String original = original(fixture, variant);
        if (original != null) {
            Files.createDirectories(config.getParent());
            Files.write(config, bytes(original));
        }
        String before = original == null ? "" : original;
        Map<String, Map<String, String>> profilesBefore = original == null ? Map.of()
                : sdkProfiles(config, ProfileFile.Type.CONFIGURATION);
        AwsProfileWriter writer = new AwsProfileWriter(new AwsFileLocations(home.resolve(".aws/credentials"), config), CLOCK);
        String eol = original == null || !original.contains("\n") ? System.lineSeparator() : variant.eol();

        writer.writeRegion("fedcred-test", "target-a", "us-east-2", false);

        String written = raw(config);
        assertThat(written).startsWith(before);
        assertThat(written.substring(before.length())).isEqualTo(appended(before, eol,
                List.of("[profile fedcred-test]", "region = us-east-2", "x_fedcred_managed = target-a")));
        Map<String, Map<String, String>> expected = new TreeMap<>(profilesBefore);
        expected.put("fedcred-test", new TreeMap<>(Map.of("region", "us-east-2", "x_fedcred_managed", "target-a")));
        assertThat(sdkProfiles(config, ProfileFile.Type.CONFIGURATION)).isEqualTo(expected);

        writer.writeRegion("fedcred-test", "target-a", "eu-north-1", false);

        assertThat(raw(config)).isEqualTo(before + appended(before, eol,
                List.of("[profile fedcred-test]", "region = eu-north-1", "x_fedcred_managed = target-a")));

        assertThat(writer.remove("fedcred-test")).isTrue();

        assertThat(raw(config)).isEqualTo(before);
    }
}
