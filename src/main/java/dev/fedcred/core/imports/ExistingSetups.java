package dev.fedcred.core.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fedcred.core.FedcredException;
import dev.fedcred.core.ShortNames;
import dev.fedcred.core.aws.AwsRoleTarget;
import dev.fedcred.core.aws.profiles.AwsProfileFiles;
import dev.fedcred.core.aws.profiles.AwsProfileFiles.ProfileSection;
import dev.fedcred.core.files.BoundedFiles;
import dev.fedcred.core.files.FileSizeLimit;
import dev.fedcred.core.gcp.GcpWorkloadTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds what users already have for federated credentials and turns each into a fedcred target,
 * writing nothing: AWS config profiles with {@code role_arn} and {@code web_identity_token_file}
 * (the SDKs' own web-identity profiles) become AWS role targets, and gcloud
 * {@code create-cred-config} files (external_account JSON with a workload identity audience)
 * become GCP workload identity targets. A file that cannot be read or parsed is a problem in the
 * scan, never a failure of the whole; reads are bounded like every read of such files.
 *
 * <p>Neither source names the issuer (a token file or command does not say where its token comes
 * from), so every candidate signs in with the issuer given ({@code null}: the default issuer).
 */
public final class ExistingSetups {
    /** Prefixed to an imported AWS profile, so fedcred's profile never replaces the web-identity profile it came from. */
    public static final String PROFILE_PREFIX = "fedcred-";
    private static final Pattern AUDIENCE = Pattern.compile(
            "//iam\\.googleapis\\.com/projects/(\\d{1,20})/locations/global/workloadIdentityPools/([a-z0-9-]{4,32})"
                    + "/providers/([a-z0-9-]{4,32})");
    private static final Pattern IMPERSONATION = Pattern.compile(".*/serviceAccounts/([^/:]+@[^/:]+):generateAccessToken");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String issuer;

    /** @param issuer the issuer every candidate signs in with; null for the default issuer */
    public ExistingSetups(String issuer) {
        this.issuer = issuer;
    }

    /**
     * Where gcloud's credential configurations usually are: GOOGLE_APPLICATION_CREDENTIALS and
     * gcloud's well-known ADC file ($CLOUDSDK_CONFIG, else ~/.config/gcloud), those that exist.
     */
    public static List<Path> usualCredConfigs(java.util.Map<String, String> env) {
        List<Path> files = new ArrayList<>();
        String explicit = env.get("GOOGLE_APPLICATION_CREDENTIALS");
        if (explicit != null && !explicit.isBlank()) {
            files.add(Path.of(explicit));
        }
        String cloudsdk = env.get("CLOUDSDK_CONFIG");
        Path configDir = cloudsdk != null && !cloudsdk.isBlank() ? Path.of(cloudsdk)
                : dev.fedcred.core.UserHome.from(env).resolve(".config").resolve("gcloud");
        files.add(configDir.resolve(dev.fedcred.core.gcp.AdcLocations.FILE_NAME));
        return files.stream().filter(Files::isRegularFile).toList();
    }

    /** Scans the AWS config file and the JSON files given, in that order. */
    public ImportScan scan(Path awsConfig, List<Path> credConfigs) {
        List<ImportCandidate> candidates = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try {
            for (ProfileSection section : AwsProfileFiles.config(awsConfig)) {
                awsCandidate(awsConfig, section).ifPresent(candidates::add);
            }
        } catch (dev.fedcred.core.aws.profiles.AwsFileParseException e) {
            problems.add(e.readerMessage());
        } catch (FedcredException e) {
            problems.add(e.getMessage());
        }
        Set<Path> seen = new LinkedHashSet<>();
        for (Path file : credConfigs) {
            if (seen.add(file.toAbsolutePath().normalize())) {
                gcpCandidate(file, problems).ifPresent(candidates::add);
            }
        }
        return new ImportScan(candidates, problems);
    }

    private java.util.Optional<ImportCandidate> awsCandidate(Path file, ProfileSection section) {
        String roleArn = section.properties().get("role_arn");
        String tokenFile = section.properties().get("web_identity_token_file");
        if (roleArn == null || tokenFile == null || roleArn.isBlank()) {
            return java.util.Optional.empty();
        }
        String region = section.properties().get("region");
        Duration duration = seconds(section.properties().get("duration_seconds"), AwsRoleTarget.DEFAULT_DURATION);
        AwsRoleTarget target = new AwsRoleTarget(nameFrom(section.profile()), roleArn.strip(),
                PROFILE_PREFIX + section.profile(), region, duration, section.properties().get("role_session_name"),
                issuer, null);
        return java.util.Optional.of(new ImportCandidate(target, "AWS config profile " + section.profile() + " in "
                + file + " (line " + section.line() + ")"));
    }

    private java.util.Optional<ImportCandidate> gcpCandidate(Path file, List<String> problems) {
        JsonNode json;
        try {
            if (!Files.isRegularFile(file)) {
                problems.add(file + " is not a file.");
                return java.util.Optional.empty();
            }
            json = JSON.readTree(BoundedFiles.read(file, FileSizeLimit.ADC_FILE));
        } catch (FedcredException e) {
            problems.add(e.getMessage());
            return java.util.Optional.empty();
        } catch (IOException e) {
            problems.add(file + " is not JSON fedcred can read (" + e.getClass().getSimpleName() + ").");
            return java.util.Optional.empty();
        }
        if (json == null || !json.isObject() || !"external_account".equals(json.path("type").asText())) {
            problems.add(file + " is not an external_account credential configuration (type "
                    + (json == null ? "none" : json.path("type").asText("none")) + ").");
            return java.util.Optional.empty();
        }
        if (json.has("fedcred")) {
            return java.util.Optional.empty(); // fedcred wrote it: its target is there already
        }
        Matcher audience = AUDIENCE.matcher(json.path("audience").asText(""));
        if (!audience.matches()) {
            problems.add(file + " has no workload identity pool provider as its audience (AWS or other sources are"
                    + " not imported).");
            return java.util.Optional.empty();
        }
        Matcher impersonation = IMPERSONATION.matcher(json.path("service_account_impersonation_url").asText(""));
        String serviceAccount = impersonation.matches() ? impersonation.group(1) : null;
        Duration lifetime = seconds(json.path("service_account_impersonation").path("token_lifetime_seconds").asText(null),
                GcpWorkloadTarget.DEFAULT_LIFETIME);
        String pool = audience.group(2);
        String provider = audience.group(3);
        GcpWorkloadTarget target = new GcpWorkloadTarget(nameFrom(pool + "-" + provider), audience.group(1), pool,
                provider, serviceAccount, List.of(), lifetime, null, issuer, null, null, null);
        return java.util.Optional.of(new ImportCandidate(target, "gcloud credential configuration " + file));
    }

    /** A usable target name from a profile or pool name: other characters become '-', at most 64. */
    static String nameFrom(String text) {
        String name = text.replaceAll("[^A-Za-z0-9._-]", "-").replaceAll("^[^A-Za-z0-9]+", "");
        name = name.length() > 64 ? name.substring(0, 64) : name;
        return ShortNames.isUsable(name) ? name : "imported";
    }

    private static Duration seconds(String value, Duration fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Duration.ofSeconds(Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
