package dev.fedcred.core.aws.profiles;

import static dev.fedcred.core.aws.profiles.AwsFiles.CREDENTIALS;
import static dev.fedcred.core.aws.profiles.AwsFiles.NEWER;
import static dev.fedcred.core.aws.profiles.AwsFiles.bytes;
import static dev.fedcred.core.aws.profiles.AwsFiles.credentialsProperties;
import static dev.fedcred.core.aws.profiles.AwsFiles.credentialsSection;
import static dev.fedcred.core.aws.profiles.AwsFiles.raw;
import static dev.fedcred.core.aws.profiles.AwsFiles.sdkFile;
import static dev.fedcred.core.aws.profiles.AwsFiles.sdkProfiles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fedcred.core.FedcredException;
import dev.fedcred.core.files.FileTooLargeException;
import dev.fedcred.core.files.ReadOnlyFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileProperty;

class AwsProfileWriterTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-29T20:00:00Z"), ZoneOffset.UTC);
    private static final String FAKE_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    @TempDir
    Path home;
    Path credentials;
    Path config;
    AwsProfileWriter writer;

    @BeforeEach
    void files() {
        credentials = home.resolve(".aws/credentials");
        config = home.resolve(".aws/config");
        writer = new AwsProfileWriter(new AwsFileLocations(credentials, config), CLOCK);
    }

    private void given(Path file, String raw) throws Exception {
        Files.createDirectories(file.getParent());
        Files.write(file, bytes(raw));
    }

    private static String lines(String... lines) {
        return String.join("\n", lines) + "\n";
    }

    @Test
    void rewritingAManagedSectionChangesOnlyItsOwnValueLinesAndKeepsHandAddedKeysAndComments() throws Exception {
        String original = raw(AwsFiles.fixture("credentials-with-managed-section"));
        given(credentials, original);

        writer.writeCredentials("work", "work-target", NEWER, false);

        String oldValues = lines("aws_access_key_id = ASIAOLDOLDOLDEXAMPLE", "aws_secret_access_key = oldFakeSecretEXAMPLE",
                "aws_session_token = oldFakeTokenEXAMPLE", "x_security_token_expires = 2026-01-01T00:00:00Z",
                "aws_credential_expiration = 2026-01-01T00:00:00Z", "x_fedcred_managed = work-target");
        List<String> newSection = credentialsSection("[work]", NEWER, "work-target");
        String newValues = String.join("\n", newSection.subList(1, newSection.size())) + "\n";
        assertThat(original).contains(oldValues);
        assertThat(raw(credentials)).isEqualTo(original.replace(oldValues, newValues));
        Map<String, String> expected = new java.util.TreeMap<>(credentialsProperties(NEWER, "work-target"));
        expected.put("region", "eu-central-1");
        assertThat(sdkProfiles(credentials, ProfileFile.Type.CREDENTIALS).get("work")).isEqualTo(expected);
    }

    @Test
    void aKeyDeletedByHandIsAddedBackAfterTheOthersAndDuplicatesOrContinuationsOfOurKeysGo() throws Exception {
        given(credentials, lines("[p]", "x_fedcred_managed = t", "aws_access_key_id = OLD", "  continued by hand",
                "# note", "aws_access_key_id = OLDER", "user_key = kept", "aws_secret_access_key = OLD", "[q]", "a = b"));

        writer.writeCredentials("p", "t", CREDENTIALS, false);

        assertThat(raw(credentials)).isEqualTo(lines("[p]", "x_fedcred_managed = t",
                "aws_access_key_id = " + CREDENTIALS.accessKeyId(), "# note", "user_key = kept",
                "aws_secret_access_key = " + CREDENTIALS.secretAccessKey(),
                "aws_session_token = " + CREDENTIALS.sessionToken(),
                "x_security_token_expires = 2026-11-29T21:00:00Z", "aws_credential_expiration = 2026-11-29T21:00:00Z",
                "[q]", "a = b"));
    }

    @Test
    void anUnmanagedProfileIsRefusedWithoutForceAndReplacedWithForce() throws Exception {
        String original = lines("# mine", "[dev] ; my dev keys", "aws_access_key_id = AKIAIOSFODNN7EXAMPLE",
                "aws_secret_access_key = " + FAKE_SECRET, "role_arn = arn:aws:iam::123456789012:role/Old", "",
                "# about prod", "[prod]", "aws_access_key_id = AKIAI44QH8DHBEXAMPLE");
        given(credentials, original);

        assertThatThrownBy(() -> writer.writeCredentials("dev", "t", CREDENTIALS, false))
                .isInstanceOf(ProfileNotManagedException.class)
                .hasMessageContaining("'dev'").hasMessageContaining(credentials.toString())
                .hasMessageContaining("use --force (CLI) or confirm in the app to replace it");
        assertThat(raw(credentials)).isEqualTo(original);
        assertThat(credentials.resolveSibling("credentials.fedcred-backup")).doesNotExist();

        writer.writeCredentials("dev", "t", CREDENTIALS, true);

        List<String> section = credentialsSection("[dev] ; my dev keys", CREDENTIALS, "t");
        assertThat(raw(credentials)).isEqualTo(lines("# mine") + String.join("\n", section) + "\n"
                + lines("", "# about prod", "[prod]", "aws_access_key_id = AKIAI44QH8DHBEXAMPLE"));
        assertThat(writer.readManaged("dev")).contains(CREDENTIALS);
        writer.writeCredentials("dev", "t", NEWER, false); // managed from now on
        assertThat(raw(credentials.resolveSibling("credentials.fedcred-backup"))).isEqualTo(original);
    }

    @Test
    void regionGoesToProfileSectionsAndDefaultToItsOwnHeaderUnderTheSameOwnershipRules() throws Exception {
        given(config, lines("[default]", "region = us-east-1", "[profile dev]", "output = json"));

        assertThatThrownBy(() -> writer.writeRegion("default", "t", "eu-west-1", false))
                .isInstanceOf(ProfileNotManagedException.class);
        assertThatThrownBy(() -> writer.writeRegion("dev", "t", "eu-west-1", false))
                .isInstanceOf(ProfileNotManagedException.class);
        writer.writeRegion("default", "t", "eu-west-1", true);
        writer.writeRegion("new", "t", "ap-south-1", false);

        assertThat(raw(config)).isEqualTo(lines("[default]", "region = eu-west-1", "x_fedcred_managed = t",
                "[profile dev]", "output = json", "", "[profile new]", "region = ap-south-1", "x_fedcred_managed = t"));
        ProfileFile parsed = sdkFile(config, ProfileFile.Type.CONFIGURATION);
        assertThat(parsed.profile("default").orElseThrow().property(ProfileProperty.REGION)).contains("eu-west-1");
        assertThat(parsed.profile("new").orElseThrow().property(ProfileProperty.REGION)).contains("ap-south-1");
    }

    @Test
    void aNewDefaultProfileInTheConfigFileUsesTheDefaultHeader() throws Exception {
        writer.writeRegion("default", "t", "eu-west-1", false);
        String nl = System.lineSeparator();
        assertThat(raw(config)).isEqualTo("[default]" + nl + "region = eu-west-1" + nl + "x_fedcred_managed = t" + nl);
    }

    static Stream<Arguments> unparseable() {
        return Stream.of(
                Arguments.of(lines("[a]", "x = 1", "no equals sign here"), 3, "is not a [section] header"),
                Arguments.of(lines("# c", "key = before any section", "[a]"), 2, "before the first [section]"),
                Arguments.of(lines("[a]", "  indented but nothing to continue"), 2, "no key above it"),
                Arguments.of(lines("[a]", "x = 1", "", "[b", "y = 2"), 4, "does not end with ']'"),
                Arguments.of(lines("[a]", "= value"), 2, "no key before it"),
                Arguments.of(lines("[fedcred-test]", "x = 1", "[other]", "[fedcred-test]", "y = 2"), 4,
                        "defines the profile 'fedcred-test' a second time (first on line 1)"),
                Arguments.of(lines("[a]", "aws_secret_access_key " + FAKE_SECRET), 2, "is not a [section] header"));
    }

    @ParameterizedTest(name = "line {1}: {2}")
    @MethodSource("unparseable")
    void anUnparseableFileIsRefusedWithItsPathAndLineAndLeftByteIdentical(String content, int line, String problem)
            throws Exception {
        given(credentials, content.replace("\n", "\r\n"));

        assertThatThrownBy(() -> writer.writeCredentials("fedcred-test", "t", CREDENTIALS, true))
                .isInstanceOf(AwsFileParseException.class)
                .hasMessageContaining(credentials.toString())
                .hasMessageContaining("line " + line + " ").hasMessageContaining(problem)
                .hasMessageContaining("left the file unchanged")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(FAKE_SECRET))
                .satisfies(e -> assertThat(((AwsFileParseException) e).line()).isEqualTo(line));
        assertThat(raw(credentials)).isEqualTo(content.replace("\n", "\r\n"));
        assertThatThrownBy(() -> writer.remove("fedcred-test")).isInstanceOf(AwsFileParseException.class);
        assertThat(raw(credentials)).isEqualTo(content.replace("\n", "\r\n"));
        try (Stream<Path> files = Files.list(credentials.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(name -> !name.endsWith(".fedcred.lock")))
                    .as("no backup, no temp file").containsExactly("credentials");
        }
    }

    @Test
    void oldMacLineEndingsAreLinesTooAsTheSdkReadsThem() throws Exception {
        given(credentials, "[a]\rx = 1\r");

        writer.writeCredentials("p", "t", CREDENTIALS, false);

        assertThat(raw(credentials)).isEqualTo("[a]\rx = 1\r\r"
                + String.join("\r", credentialsSection("[p]", CREDENTIALS, "t")) + "\r");
        assertThat(sdkProfiles(credentials, ProfileFile.Type.CREDENTIALS)).containsOnlyKeys("a", "p");
        writer.remove("p");
        assertThat(raw(credentials)).isEqualTo("[a]\rx = 1\r");
    }

    @Test
    void aDuplicateOfAnotherProfileIsTheUsersBusinessAndDoesNotBlockWriting() throws Exception {
        given(credentials, lines("[a]", "x = 1", "[a]", "y = 2"));
        writer.writeCredentials("b", "t", CREDENTIALS, false);
        assertThat(sdkProfiles(credentials, ProfileFile.Type.CREDENTIALS).get("a")).isEqualTo(Map.of("x", "1", "y", "2"));
    }

    @Test
    void bothSpellingsOfTheDefaultConfigProfileAtOnceAreRefused() throws Exception {
        given(config, lines("[default]", "region = us-east-1", "[profile default]", "output = json"));
        assertThatThrownBy(() -> writer.writeRegion("default", "t", "eu-west-1", true))
                .isInstanceOf(AwsFileParseException.class).hasMessageContaining("line 3");
    }

    @Test
    void createdFilesAre0600InA0700DirectoryAndAnExistingLooserFileEndsUp0600() throws Exception {
        writer.writeCredentials("p", "t", CREDENTIALS, false);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials.getParent())))
                .isEqualTo("rwx------");

        given(config, lines("[default]", "region = us-east-1"));
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-r--r--"));
        writer.writeRegion("p", "t", "us-east-1", false);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config))).isEqualTo("rw-------");
    }

    @Test
    void theBackupIsTheFileBeforeFedcredsFirstChangeAndIsNeverOverwritten() throws Exception {
        String original = lines("[default]", "aws_access_key_id = AKIAIOSFODNN7EXAMPLE");
        given(credentials, original);
        Path backup = credentials.resolveSibling("credentials.fedcred-backup");

        writer.writeCredentials("p", "t", CREDENTIALS, false);
        assertThat(raw(backup)).isEqualTo(original);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(backup))).isEqualTo("rw-------");

        writer.writeCredentials("p", "t", NEWER, false);
        writer.writeCredentials("q", "t", CREDENTIALS, false);
        assertThat(raw(backup)).isEqualTo(original);
    }

    @Test
    void noBackupOfAFileHoldingOnlyWhatFedcredWrote() throws Exception {
        Path backup = credentials.resolveSibling("credentials.fedcred-backup");
        writer.writeCredentials("p", "t", CREDENTIALS, false);
        writer.writeCredentials("p", "t", NEWER, false);
        writer.writeCredentials("q", "t", CREDENTIALS, false);
        assertThat(backup).doesNotExist();

        // from the first line the user adds, the file is theirs too: the next write keeps a copy
        String withComment = "# my note\n" + raw(credentials);
        given(credentials, withComment);
        writer.writeCredentials("p", "t", CREDENTIALS, false);
        assertThat(raw(backup)).isEqualTo(withComment);
    }

    @Test
    void noBackupOfAFileThatDidNotExistAndNoWriteWhenNothingChanges() throws Exception {
        writer.writeRegion("p", "t", "us-east-1", false);
        Object inode = Files.getAttribute(config, "unix:ino");

        writer.writeRegion("p", "t", "us-east-1", false);

        assertThat(Files.getAttribute(config, "unix:ino")).isEqualTo(inode);
        assertThat(config.resolveSibling("config.fedcred-backup")).doesNotExist();
    }

    @Test
    void aSymlinkedCredentialsFileIsWrittenThroughAndStaysALink() throws Exception {
        Path dotfiles = home.resolve("dotfiles/aws");
        Files.createDirectories(dotfiles);
        Path target = dotfiles.resolve("credentials");
        String original = lines("[default]", "aws_access_key_id = AKIAIOSFODNN7EXAMPLE");
        Files.write(target, bytes(original));
        Files.createDirectories(credentials.getParent());
        Files.createSymbolicLink(credentials, Path.of("../dotfiles/aws/credentials"));

        writer.writeCredentials("p", "t", CREDENTIALS, false);

        assertThat(Files.isSymbolicLink(credentials)).isTrue();
        assertThat(Files.readSymbolicLink(credentials)).isEqualTo(Path.of("../dotfiles/aws/credentials"));
        assertThat(raw(target)).startsWith(original).contains("[p]");
        assertThat(raw(dotfiles.resolve("credentials.fedcred-backup"))).isEqualTo(original);
        assertThat(writer.readManaged("p")).contains(CREDENTIALS);
        assertThat(writer.remove("p")).isTrue();
        assertThat(raw(target)).isEqualTo(original);
        assertThat(Files.isSymbolicLink(credentials)).isTrue();
    }

    @Test
    void removeDeletesManagedSectionsFromBothFilesAndLeavesAUsersConfigSectionAlone() throws Exception {
        String userConfig = lines("[profile mine]", "sso_session = corp");
        given(config, userConfig);
        writer.writeCredentials("ours", "t", CREDENTIALS, false);
        writer.writeRegion("ours", "t", "us-east-1", false);
        writer.writeCredentials("mine", "t", CREDENTIALS, false);

        assertThat(writer.remove("ours")).isTrue();
        assertThat(raw(config)).isEqualTo(userConfig);
        assertThat(writer.remove("mine")).isTrue();
        assertThat(raw(config)).isEqualTo(userConfig);
        assertThat(raw(credentials)).isEmpty();
        assertThat(writer.remove("mine")).isFalse();
    }

    @Test
    void removeRefusesAnUnmanagedProfileAndChangesNothing() throws Exception {
        String original = lines("[dev]", "aws_access_key_id = AKIAIOSFODNN7EXAMPLE");
        given(credentials, original);
        writer.writeRegion("dev", "t", "us-east-1", false);
        String configBefore = raw(config);

        assertThatThrownBy(() -> writer.remove("dev")).isInstanceOf(ProfileNotManagedException.class)
                .hasMessageContaining("'dev'");
        assertThat(raw(credentials)).isEqualTo(original);
        assertThat(raw(config)).isEqualTo(configBefore);
    }

    @Test
    void removeWithNoFilesReturnsFalseAndCreatesNothing() {
        assertThat(writer.remove("p")).isFalse();
        assertThat(home.resolve(".aws")).doesNotExist();
    }

    @Test
    void readManagedReturnsOnlyFedcredsUnexpiredCredentials() throws Exception {
        given(credentials, lines("[user]", "aws_access_key_id = AKIAIOSFODNN7EXAMPLE", "aws_secret_access_key = x",
                "aws_session_token = y", "x_security_token_expires = 2027-01-01T00:00:00Z"));
        writer.writeCredentials("fresh", "t", CREDENTIALS, false);
        writer.writeCredentials("stale", "t", new AwsCredentials("ASIAIOSFODNN7EXAMPLE", "s", "t",
                Instant.parse("2026-11-29T19:59:59Z")), false);

        assertThat(writer.readManaged("fresh")).contains(CREDENTIALS);
        assertThat(writer.readManaged("stale")).isEmpty();
        assertThat(writer.readManaged("user")).isEmpty();
        assertThat(writer.readManaged("missing")).isEmpty();
    }

    @Test
    void threadsOfOneProcessWritingDifferentProfilesAllLand() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> writes = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String profile = "p" + i;
                writes.add(pool.submit(() -> {
                    for (int round = 0; round < 10; round++) {
                        writer.writeCredentials(profile, "t", round % 2 == 0 ? CREDENTIALS : NEWER, false);
                    }
                }));
            }
            for (Future<?> write : writes) {
                write.get();
            }
        } finally {
            pool.shutdownNow();
        }
        Map<String, Map<String, String>> profiles = sdkProfiles(credentials, ProfileFile.Type.CREDENTIALS);
        assertThat(profiles).hasSize(8);
        profiles.values().forEach(p -> assertThat(p).isEqualTo(credentialsProperties(NEWER, "t")));
    }

    @Test
    void namesTheAwsToolsWouldIgnoreAndMultiLineValuesAreRefusedUpFront() {
        for (String bad : new String[] {"", "has space", "a]b", "x\ny", "profile dev"}) {
            assertThatThrownBy(() -> writer.writeCredentials(bad, "t", CREDENTIALS, false))
                    .isInstanceOf(FedcredException.class).hasMessageContaining("letters, digits");
        }
        assertThatThrownBy(() -> writer.writeCredentials("p", "two\nlines", CREDENTIALS, false))
                .isInstanceOf(FedcredException.class);
        assertThatThrownBy(() -> writer.writeRegion("p", "t", "us-east-1\n[x]", false))
                .isInstanceOf(FedcredException.class);
        assertThatThrownBy(() -> new AwsCredentials("ASIAIOSFODNN7EXAMPLE", "secret with\nnewline", "t", Instant.EPOCH))
                .isInstanceOf(FedcredException.class).hasMessageNotContaining("newline");
        assertThat(home.resolve(".aws")).doesNotExist();
    }

    @Test
    void aUnicodeTargetNameIsWrittenAsUtf8() throws Exception {
        writer.writeCredentials("p", "Prod – Zürich", CREDENTIALS, false);
        assertThat(Files.readString(credentials)).contains("x_fedcred_managed = Prod – Zürich");
        assertThat(sdkProfiles(credentials, ProfileFile.Type.CREDENTIALS).get("p"))
                .containsEntry("x_fedcred_managed", "Prod – Zürich");
    }

    @Test
    void credentialsShowOnlyTheKeyIdAndExpiry() {
        assertThat(CREDENTIALS.toString()).contains("ASIAIOSFODNN7EXAMPLE", "2026-11-29T21:00:00Z")
                .doesNotContain(CREDENTIALS.secretAccessKey(), CREDENTIALS.sessionToken());
    }

    @Test
    void fileLocationsFollowTheAwsEnvironmentVariables() {
        Path userHome = Path.of("/home/u");
        assertThat(AwsFileLocations.fromEnvironment(Map.of(), userHome)).isEqualTo(new AwsFileLocations(
                Path.of("/home/u/.aws/credentials"), Path.of("/home/u/.aws/config")));
        assertThat(AwsFileLocations.fromEnvironment(Map.of("AWS_SHARED_CREDENTIALS_FILE", "~/work/creds",
                "AWS_CONFIG_FILE", "/etc/aws/config"), userHome)).isEqualTo(new AwsFileLocations(
                Path.of("/home/u/work/creds"), Path.of("/etc/aws/config")));
        assertThat(AwsFileLocations.fromEnvironment(Map.of("AWS_CONFIG_FILE", ""), userHome).configFile())
                .isEqualTo(Path.of("/home/u/.aws/config"));
    }

    @Test
    void aReadOnlyCredentialsOrConfigFileIsRefusedBeforeAnyCallAndLeftAsItWas() throws Exception {
        given(credentials, lines("[mine]", "aws_access_key_id = AKIAFAKEREADONLY0001"));
        given(config, lines("[profile mine]", "region = eu-west-1"));
        Files.setPosixFilePermissions(credentials, PosixFilePermissions.fromString("r--------"));
        String before = raw(credentials);

        assertThatThrownBy(() -> writer.requireWritable("p", false, false))
                .isInstanceOf(ReadOnlyFileException.class).hasMessageContaining("chmod u+w " + credentials);
        assertThatThrownBy(() -> writer.writeCredentials("p", "t", CREDENTIALS, false))
                .isInstanceOf(ReadOnlyFileException.class);
        assertThat(raw(credentials)).isEqualTo(before);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials))).isEqualTo("r--------");
        assertThat(credentials.resolveSibling("credentials" + AwsProfileWriter.BACKUP_SUFFIX)).doesNotExist();

        Files.setPosixFilePermissions(credentials, PosixFilePermissions.fromString("rw-------"));
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("r--r--r--"));
        writer.requireWritable("p", false, false);
        assertThatThrownBy(() -> writer.requireWritable("p", true, false))
                .isInstanceOf(ReadOnlyFileException.class).hasMessageContaining(config.toString());
        assertThatThrownBy(() -> writer.writeRegion("p", "t", "us-east-1", false))
                .isInstanceOf(ReadOnlyFileException.class);
        assertThat(raw(config)).isEqualTo(lines("[profile mine]", "region = eu-west-1"));
    }

    @Test
    void thePreflightChecksTheConfigFileTooWhenARegionGoesThere() throws Exception {
        given(config, lines("[profile p]", "region = eu-west-1", "not a key value line"));
        writer.requireWritable("p", false, false);
        assertThatThrownBy(() -> writer.requireWritable("p", true, false))
                .isInstanceOf(AwsFileParseException.class).hasMessageContaining(config.toString())
                .hasMessageContaining("line 3");

        given(config, lines("[profile p]", "region = eu-west-1"));
        assertThatThrownBy(() -> writer.requireWritable("p", true, false))
                .isInstanceOf(ProfileNotManagedException.class).hasMessageContaining(config.toString());
        writer.requireWritable("p", true, true);
    }

    @Test
    void aCredentialsFileWithTwentyThousandSessionProfilesStillWorks() throws Exception {
        StringBuilder big = new StringBuilder();
        String token = "FwoGZXIvYXdzEFAKE" + "FAKESESSIONTOKEN/+=".repeat(46);
        for (int i = 0; i < 20_000; i++) {
            big.append("[user-").append(i).append("]\naws_access_key_id = ASIAFAKE").append(i)
                    .append("\naws_secret_access_key = fakeSecretKeyEXAMPLE").append(i)
                    .append("\naws_session_token = ").append(token).append("\n\n");
        }
        given(credentials, big.toString());
        assertThat(Files.size(credentials)).isGreaterThan(20_000_000L);

        writer.writeCredentials("p", "t", CREDENTIALS, false);

        assertThat(writer.readManaged("p")).contains(CREDENTIALS);
        assertThat(raw(credentials)).startsWith(big.toString());
    }

    @Test
    void anAwsFileOverTheLimitIsRefusedNamingItsSizeAndChangesNothing() throws Exception {
        Files.createDirectories(credentials.getParent());
        long size = dev.fedcred.core.files.FileSizeLimit.AWS_FILE.maxBytes() + 1;
        try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(credentials.toFile(), "rw")) {
            file.setLength(size);
        }

        assertThatThrownBy(() -> writer.writeCredentials("p", "t", CREDENTIALS, false))
                .isInstanceOf(FileTooLargeException.class)
                .hasMessageContaining(credentials.toString()).hasMessageContaining(size + " bytes")
                .hasMessageContaining("an AWS credentials or config file");
        assertThatThrownBy(() -> writer.readManaged("p")).isInstanceOf(FileTooLargeException.class);
        assertThat(Files.size(credentials)).isEqualTo(size);
    }
}
