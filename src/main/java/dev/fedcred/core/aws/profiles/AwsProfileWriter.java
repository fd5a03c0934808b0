package dev.fedcred.core.aws.profiles;

import dev.fedcred.core.FedcredException;
import dev.fedcred.core.files.BackedUpFiles;
import dev.fedcred.core.files.BoundedFiles;
import dev.fedcred.core.files.FileSizeLimit;
import dev.fedcred.core.files.FileUpdateLock;
import dev.fedcred.core.files.SecureFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Writes fedcred's profiles into the user's AWS credentials and config files, where the AWS CLI
 * and every SDK pick them up, without disturbing anything else in those files.
 *
 * <ul>
 *   <li>fedcred's sections carry {@code x_fedcred_managed = <target>}; a section without it is
 *       the user's and is replaced only with {@code force} (then entirely, header kept).</li>
 *   <li>In a managed section fedcred rewrites only its own keys; keys and comments a user adds
 *       there by hand stay (see {@link ProfileDocument#updateKeys}).</li>
 *   <li>Every other byte of the file stays as it was (see {@link ProfileDocument} for the
 *       separator, line-ending and final-newline rules).</li>
 *   <li>A file fedcred cannot parse is never written ({@link AwsFileParseException}), nor one the
 *       user made read-only ({@link dev.fedcred.core.files.ReadOnlyFileException}).</li>
 *   <li>Writes are atomic (temp file, fsync, rename) and leave the file 0600; a symbolic link is
 *       written through to its target and stays a link.</li>
 *   <li>Before fedcred's first change to a file it copies the file to
 *       {@code <name>.fedcred-backup} (0600). That copy is never overwritten, so it keeps the
 *       file as it was before fedcred touched it; delete it to have the next write take a new one.</li>
 *   <li>Read-modify-write runs under {@link FileUpdateLock}, so concurrent fedcred processes never
 *       lose each other's profiles.</li>
 * </ul>
 */
public final class AwsProfileWriter {
    static final String MANAGED_MARKER = "x_fedcred_managed";
    public static final String BACKUP_SUFFIX = BackedUpFiles.BACKUP_SUFFIX;
    private static final Duration DEFAULT_LOCK_WAIT = Duration.ofSeconds(5);
    // the AWS SDKs ignore a profile whose name has any other character
    private static final Pattern PROFILE_NAME = Pattern.compile("[A-Za-z0-9_\\-/.%@]+");
    private static final Pattern REGION = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final AwsFileLocations files;
    private final Clock clock;
    private final Duration lockWait;

    public AwsProfileWriter(AwsFileLocations files, Clock clock) {
        this(files, clock, DEFAULT_LOCK_WAIT);
    }

    AwsProfileWriter(AwsFileLocations files, Clock clock, Duration lockWait) {
        this.files = Objects.requireNonNull(files, "files");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.lockWait = Objects.requireNonNull(lockWait, "lockWait");
    }

    public AwsFileLocations files() {
        return files;
    }

    /** The header of the profile's section in the config file: {@code [profile NAME]}, or {@code [default]}. */
    public static String configHeader(String profile) {
        requireProfileName(profile);
        return AwsFileKind.CONFIG.headerFor(profile);
    }

    /** Writes or replaces [profile] in the credentials file; marks it managed by fedcred for targetName. */
    public void writeCredentials(String profile, String targetName, AwsCredentials credentials, boolean force) {
        requireProfileName(profile);
        Objects.requireNonNull(credentials, "credentials");
        // the expiry both under the name other tools and shell prompts read and the one the AWS CLI uses
        String expires = DateTimeFormatter.ISO_INSTANT.format(credentials.expiration().truncatedTo(ChronoUnit.SECONDS));
        Map<String, String> values = new LinkedHashMap<>();
        values.put("aws_access_key_id", credentials.accessKeyId());
        values.put("aws_secret_access_key", credentials.secretAccessKey());
        values.put("aws_session_token", credentials.sessionToken());
        values.put("x_security_token_expires", expires);
        values.put("aws_credential_expiration", expires);
        values.put(MANAGED_MARKER, requireTargetName(targetName));
        put(files.credentialsFile(), AwsFileKind.CREDENTIALS, profile, values, force);
    }

    /** Sets region in the config file: section [profile NAME], or [default] for "default"; same ownership rules. */
    public void writeRegion(String profile, String targetName, String region, boolean force) {
        requireProfileName(profile);
        requireRegion(region);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("region", region);
        values.put(MANAGED_MARKER, requireTargetName(targetName));
        put(files.configFile(), AwsFileKind.CONFIG, profile, values, force);
    }

    /**
     * Writes a {@code credential_process} profile into the config file, marked as fedcred's, with
     * the target's region when it has one. Refused when the credentials file defines the profile
     * (its keys would shadow credential_process), and, without {@code force}, when the config file
     * has a section of that name fedcred did not write.
     */
    public void writeProcessProfile(String profile, String targetName, String command, String region, boolean force) {
        requireProfileName(profile);
        if (command == null || command.isBlank() || command.chars().anyMatch(c -> c < ' ' || c == 0x7f)) {
            throw new FedcredException("The credential_process command must be one line of text; fedcred changed nothing.");
        }
        whereDefined(profile, AwsFileKind.CREDENTIALS).ifPresent(where -> {
            throw new FedcredException("The AWS credentials file defines the profile '" + profile + "' (" + where
                    + "); its keys would win over credential_process. Choose another name with --profile.");
        });
        Map<String, String> values = new LinkedHashMap<>();
        values.put("credential_process", command.strip());
        if (region != null) {
            requireRegion(region);
            values.put("region", region);
        }
        values.put(MANAGED_MARKER, requireTargetName(targetName));
        put(files.configFile(), AwsFileKind.CONFIG, profile, values, force);
    }

    /**
     * Where a section defining {@code profile} is, in the credentials or config file, as
     * "FILE, line N"; empty when neither has one. Read without a lock, like {@link #readManaged}.
     */
    public Optional<String> whereDefined(String profile) {
        requireProfileName(profile);
        return whereDefined(profile, AwsFileKind.CREDENTIALS).or(() -> whereDefined(profile, AwsFileKind.CONFIG));
    }

    private Optional<String> whereDefined(String profile, AwsFileKind kind) {
        Path file = SecureFiles.resolveSymbolicLinks(kind == AwsFileKind.CONFIG ? files.configFile() : files.credentialsFile());
        return ProfileDocument.parse(file, kind, read(file)).section(profile)
                .map(section -> file + ", line " + section.lineNumber());
    }

    /**
     * Removes the managed section from both files; returns false if there was none; refuses (exception) an unmanaged one.
     * An unmanaged section in the credentials file refuses the whole removal before anything
     * changes; an unmanaged config section for the same name (a user's own region or SSO
     * settings) is simply left alone.
     */
    public boolean remove(String profile) {
        requireProfileName(profile);
        Path credentialsFile = SecureFiles.resolveSymbolicLinks(files.credentialsFile());
        Path configFile = SecureFiles.resolveSymbolicLinks(files.configFile());
        // always credentials before config, so two removals cannot deadlock
        try (FileUpdateLock credentialsLock = lockIfItsDirectoryExists(credentialsFile);
             FileUpdateLock configLock = lockIfItsDirectoryExists(configFile)) {
            byte[] credentialsBytes = credentialsLock == null ? new byte[0] : read(credentialsFile);
            byte[] configBytes = configLock == null ? new byte[0] : read(configFile);
            ProfileDocument credentials = ProfileDocument.parse(credentialsFile, AwsFileKind.CREDENTIALS, credentialsBytes);
            ProfileDocument config = ProfileDocument.parse(configFile, AwsFileKind.CONFIG, configBytes);
            Optional<ProfileDocument.Section> credentialsSection = credentials.section(profile);
            Optional<ProfileDocument.Section> configSection = config.section(profile);
            if (credentialsSection.isPresent() && !isManaged(credentials, credentialsSection.get())) {
                throw ProfileNotManagedException.onRemove(credentialsFile, profile);
            }
            if (credentialsSection.isPresent()) {
                SecureFiles.requireWritableByOwner(credentialsFile);
            }
            if (configSection.isPresent() && isManaged(config, configSection.get())) {
                SecureFiles.requireWritableByOwner(configFile);
            }
            boolean removed = false;
            if (credentialsSection.isPresent()) {
                credentials.remove(credentialsSection.get());
                save(credentialsFile, AwsFileKind.CREDENTIALS, credentialsBytes, credentials.toBytes());
                removed = true;
            }
            if (configSection.isPresent() && isManaged(config, configSection.get())) {
                config.remove(configSection.get());
                save(configFile, AwsFileKind.CONFIG, configBytes, config.toBytes());
                removed = true;
            }
            return removed;
        }
    }

    /**
     * Reads back a managed profile's credentials (for reuse while unexpired). Empty when the
     * profile is missing, not fedcred's, incomplete, or already expired by this writer's clock.
     */
    public Optional<AwsCredentials> readManaged(String profile) {
        requireProfileName(profile);
        Path file = SecureFiles.resolveSymbolicLinks(files.credentialsFile());
        // no lock: writers replace the file by an atomic rename, so a read sees one whole version
        ProfileDocument document = ProfileDocument.parse(file, AwsFileKind.CREDENTIALS, read(file));
        return document.section(profile)
                .filter(section -> isManaged(document, section))
                .flatMap(section -> credentialsIn(document.properties(section)))
                .filter(credentials -> credentials.expiration().isAfter(clock.instant()));
    }

    /** Who owns the profile in the credentials file now; read without a lock, like {@link #readManaged}. */
    public ProfileState state(String profile) {
        requireProfileName(profile);
        Path file = SecureFiles.resolveSymbolicLinks(files.credentialsFile());
        ProfileDocument document = ProfileDocument.parse(file, AwsFileKind.CREDENTIALS, read(file));
        return document.section(profile)
                .map(section -> isManaged(document, section)
                        ? ProfileState.MANAGED_BY_FEDCRED : ProfileState.WRITTEN_BY_SOMEONE_ELSE)
                .orElse(ProfileState.MISSING);
    }

    /**
     * Fails now, before any credentials are fetched, when writing the profile would be refused, so
     * that a refused write never follows a call to STS: the credentials file (and the config file
     * when a region goes there) must parse, be writable and not hold a section of that name that
     * fedcred did not write (unless {@code force}). The writes check again under the lock.
     */
    public void requireWritable(String profile, boolean withRegion, boolean force) {
        requireProfileName(profile);
        requireWritable(files.credentialsFile(), AwsFileKind.CREDENTIALS, profile, force);
        if (withRegion) {
            requireWritable(files.configFile(), AwsFileKind.CONFIG, profile, force);
        }
    }

    private void requireWritable(Path configured, AwsFileKind kind, String profile, boolean force) {
        Path file = SecureFiles.resolveSymbolicLinks(configured);
        // the lock proves the directory takes new files (the temp file) and gives a consistent read
        try (FileUpdateLock lock = lockIfItsDirectoryExists(file)) {
            SecureFiles.requireWritableByOwner(file);
            ProfileDocument document = ProfileDocument.parse(file, kind, read(file));
            Optional<ProfileDocument.Section> existing = document.section(profile);
            if (!force && existing.isPresent() && !isManaged(document, existing.get())) {
                throw ProfileNotManagedException.onWrite(configured, profile);
            }
        }
    }

    /** Removing never creates a directory (the lock file would need one); a missing directory holds no profile. */
    private FileUpdateLock lockIfItsDirectoryExists(Path file) {
        return Files.isDirectory(file.getParent()) ? FileUpdateLock.acquire(file, lockWait) : null;
    }

    private void put(Path configured, AwsFileKind kind, String profile, Map<String, String> values, boolean force) {
        Path file = SecureFiles.resolveSymbolicLinks(configured);
        SecureFiles.createPrivateDirectories(file.getParent());
        try (FileUpdateLock lock = FileUpdateLock.acquire(file, lockWait)) {
            SecureFiles.requireWritableByOwner(file);
            byte[] original = read(file);
            ProfileDocument document = ProfileDocument.parse(file, kind, original);
            Optional<ProfileDocument.Section> existing = document.section(profile);
            if (existing.isEmpty()) {
                document.append(profile, values);
            } else if (isManaged(document, existing.get())) {
                document.updateKeys(existing.get(), values);
            } else if (force) {
                document.replaceKeys(existing.get(), values);
            } else {
                throw ProfileNotManagedException.onWrite(configured, profile);
            }
            save(file, kind, original, document.toBytes());
        }
    }

    /**
     * Writes only a real change, after keeping a copy of the file as it was before fedcred's first
     * change; a file that holds nothing but what fedcred wrote (it created it) needs no copy.
     */
    private static void save(Path file, AwsFileKind kind, byte[] original, byte[] updated) {
        if (Arrays.equals(original, updated) && Files.exists(file)) {
            return;
        }
        BackedUpFiles.replace(file, original, updated,
                () -> !ProfileDocument.parse(file, kind, original).holdsOnlySectionsMarked(MANAGED_MARKER));
    }

    private static boolean isManaged(ProfileDocument document, ProfileDocument.Section section) {
        return document.hasKey(section, MANAGED_MARKER);
    }

    private static Optional<AwsCredentials> credentialsIn(Map<String, String> properties) {
        String keyId = properties.get("aws_access_key_id");
        String secret = properties.get("aws_secret_access_key");
        String token = properties.get("aws_session_token");
        String expires = properties.getOrDefault("x_security_token_expires", properties.get("aws_credential_expiration"));
        if (keyId == null || secret == null || token == null || expires == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new AwsCredentials(keyId, secret, token, Instant.parse(expires)));
        } catch (DateTimeParseException | FedcredException edited) {
            return Optional.empty(); // edited by hand into something unusable: a fresh sign-in replaces it
        }
    }

    private static byte[] read(Path file) {
        try {
            return BoundedFiles.read(file, FileSizeLimit.AWS_FILE);
        } catch (NoSuchFileException e) {
            return new byte[0];
        } catch (IOException e) {
            throw new FedcredException("Cannot read " + file + ": " + e.getMessage() + ". Check that you can read"
                    + " it; fedcred changed nothing.", e);
        }
    }

    private static void requireRegion(String region) {
        if (region == null || !REGION.matcher(region).matches()) {
            throw new FedcredException("'" + region + "' is not an AWS region name; use one like us-east-1.");
        }
    }

    /** Throws unless the AWS tools accept {@code profile} as a profile name. */
    public static void requireProfileName(String profile) {
        if (profile == null || !PROFILE_NAME.matcher(profile).matches()) {
            throw new FedcredException("'" + profile + "' cannot be an AWS profile name: the AWS tools accept only"
                    + " letters, digits and - / . % @ _. Choose another name.");
        }
    }

    /** The target name becomes a value on one line: no line breaks or control characters, no edge spaces. */
    private static String requireTargetName(String targetName) {
        if (targetName == null || targetName.isBlank() || targetName.chars().anyMatch(c -> c < ' ' || c == 0x7f)) {
            throw new FedcredException("The target name must be a non-empty single line of text; rename the"
                    + " target and retry.");
        }
        return targetName.strip();
    }
}
