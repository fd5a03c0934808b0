package dev.fedcred.core.gcp;

import dev.fedcred.core.text.OutsideText;
import static dev.fedcred.core.targets.TargetValidation.httpsOnlyProblem;
import static dev.fedcred.core.targets.TargetValidation.pathProblem;

import dev.fedcred.core.aws.profiles.AwsFileLocations;
import dev.fedcred.core.files.SecureFiles;
import dev.fedcred.core.targets.TargetField;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** What a GCP workload identity target must look like before it is saved or exchanged. */
public final class GcpWorkloadRules {
    private static final Pattern PROJECT_NUMBER = Pattern.compile("[0-9]{1,19}");
    private static final Pattern POOL_OR_PROVIDER_ID = Pattern.compile("[a-z0-9-]{4,32}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");
    private static final Pattern SCOPE = Pattern.compile("\\S+");

    private GcpWorkloadRules() {
    }

    static Map<TargetField, String> problems(GcpWorkloadTarget target) {
        Map<TargetField, String> problems = new LinkedHashMap<>();
        if (!PROJECT_NUMBER.matcher(target.projectNumber()).matches()) {
            String lead = target.projectNumber().isBlank() ? "Enter the project number."
                    : OutsideText.quoted(target.projectNumber()) + " is not a project number.";
            problems.put(GcpWorkloadForm.PROJECT_NUMBER, lead + " Workload identity pools are named by the project's"
                    + " number (digits only, e.g. 123456789012), not its ID. Find it with"
                    + " `gcloud projects describe PROJECT_ID --format='value(projectNumber)'`.");
        }
        poolOrProviderProblem("pool", target.poolId()).ifPresent(problem -> problems.put(GcpWorkloadForm.POOL, problem));
        poolOrProviderProblem("provider", target.providerId())
                .ifPresent(problem -> problems.put(GcpWorkloadForm.PROVIDER, problem));
        if (target.serviceAccount() != null && !EMAIL.matcher(target.serviceAccount()).matches()) {
            problems.put(GcpWorkloadForm.SERVICE_ACCOUNT, OutsideText.quoted(target.serviceAccount()) + " is not a service account"
                    + " email. It looks like NAME@PROJECT_ID.iam.gserviceaccount.com (see"
                    + " `gcloud iam service-accounts list`).");
        }
        target.scopes().stream().filter(scope -> !SCOPE.matcher(scope).matches()).findFirst()
                .ifPresent(scope -> problems.put(GcpWorkloadForm.SCOPES, OutsideText.quoted(scope) + " is not an OAuth scope such as "
                        + GcpWorkloadTarget.CLOUD_PLATFORM_SCOPE + "."));
        long seconds = target.tokenLifetime().toSeconds();
        if (seconds < GcpWorkloadTarget.MIN_LIFETIME.toSeconds() || seconds > GcpWorkloadTarget.MAX_LIFETIME.toSeconds()) {
            problems.put(GcpWorkloadForm.LIFETIME, "The access token lifetime must be 600 to 43200 seconds (10 minutes to"
                    + " 12 hours), not " + seconds + ". Over 3600 also needs the organization policy"
                    + " constraints/iam.allowServiceAccountCredentialLifetimeExtension for the service account.");
        }
        if (target.adcFile() != null) {
            pathProblem("The ADC file", target.adcFile()).ifPresent(problem -> problems.put(GcpWorkloadForm.ADC_FILE, problem));
        }
        httpsOnlyProblem("The Google STS endpoint", target.stsEndpoint())
                .ifPresent(problem -> problems.put(GcpWorkloadForm.STS_ENDPOINT, problem));
        httpsOnlyProblem("The IAM Credentials endpoint", target.iamCredentialsEndpoint())
                .ifPresent(problem -> problems.put(GcpWorkloadForm.IAM_CREDENTIALS_ENDPOINT, problem));
        if (target.trustedCaFile() != null) {
            pathProblem("The CA file", target.trustedCaFile())
                    .ifPresent(problem -> problems.put(GcpWorkloadForm.TRUSTED_CA_FILE, problem));
        }
        return problems;
    }

    /**
     * What is wrong with {@code file} as the place for an ADC file, looking at the disk: it must
     * not be a folder, its folder must exist or be creatable by the user, and it must not be one
     * of the AWS files. Empty when fedcred can write it. Runs off any UI thread.
     */
    public static Optional<String> adcFileProblem(Path file, AwsFileLocations awsFiles) {
        Optional<String> shape = pathProblem("The ADC file", file);
        if (shape.isPresent()) {
            return shape;
        }
        if (Files.isDirectory(file)) {
            return Optional.of(file + " is a folder. Name a file in it, such as "
                    + file.resolve("application_default_credentials.json") + ".");
        }
        Path real = realPath(file);
        for (Path aws : new Path[] {awsFiles.credentialsFile(), awsFiles.configFile()}) {
            if (real.equals(realPath(aws.toAbsolutePath()))) {
                return Optional.of(file + " is the AWS " + (aws.equals(awsFiles.credentialsFile()) ? "credentials"
                        : "config") + " file, where fedcred writes AWS profiles. Choose another file for Google's"
                        + " credentials.");
            }
        }
        Path folder = file.getParent();
        Path existing = folder;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing)) {
            return Optional.of("The folder " + folder + " cannot be created: " + existing + " is a file.");
        }
        if (!Files.isWritable(existing)) {
            return Optional.of("You cannot write to " + existing + ". Choose a folder of your own.");
        }
        return Optional.empty();
    }

    private static Path realPath(Path file) {
        try {
            Path real = SecureFiles.resolveSymbolicLinks(file);
            return Files.exists(real) ? real.toRealPath() : real.normalize();
        } catch (IOException | RuntimeException e) {
            return file.normalize();
        }
    }

    private static Optional<String> poolOrProviderProblem(String what, String id) {
        if (POOL_OR_PROVIDER_ID.matcher(id).matches() && !id.startsWith("gcp-")) {
            return Optional.empty();
        }
        String lead = id.isBlank() ? "Enter the workload identity " + what + " ID:"
                : OutsideText.quoted(id) + " is not a workload identity " + what + " ID:";
        return Optional.of(lead + " 4 to 32 lowercase letters, digits and hyphens, not starting with gcp- (the last"
                + " part of its name, as `gcloud iam workload-identity-pools" + ("pool".equals(what) ? " list"
                : " providers list") + " --location=global` shows it).");
    }
}
