package dev.fedcred.core.targets;

import dev.fedcred.core.text.OutsideText;
import dev.fedcred.core.FedcredException;
import dev.fedcred.core.ShortNames;
import dev.fedcred.core.aws.profiles.AwsFileLocations;
import dev.fedcred.core.files.SecureFiles;
import dev.fedcred.core.net.LoopbackHosts;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks a target before it is saved, so a typo is caught here rather than by AWS or Google. The
 * CLI gets the first problem as an exception; the desktop window shows each beside its field.
 */
public final class TargetValidation {
    public static final Pattern ROLE_ARN = Pattern.compile("arn:aws(-cn|-us-gov)?:iam::\\d{12}:role/[\\w+=,.@/-]{1,512}");
    public static final String ROLE_ARN_SHAPE = "arn:aws:iam::123456789012:role/NAME";
    // the AWS SDKs ignore a profile with other characters (see AwsProfileWriter)
    private static final Pattern PROFILE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/@-]{0,127}");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");
    private static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]{2,64}");
    private static final Pattern PROJECT_NUMBER = Pattern.compile("[0-9]{1,19}");
    private static final Pattern POOL_OR_PROVIDER_ID = Pattern.compile("[a-z0-9-]{4,32}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");
    private static final Pattern SCOPE = Pattern.compile("\\S+");

    private TargetValidation() {
    }

    /** Throws the first problem of {@link #problems}. */
    public static void validate(Target target) {
        problems(target).values().stream().findFirst().ifPresent(problem -> {
            throw new FedcredException(problem);
        });
    }

    /** Every problem of the target, by the setting it is about; empty when it may be saved. Reads no file. */
    public static Map<TargetField, String> problems(Target target) {
        Map<TargetField, String> problems = new EnumMap<>(TargetField.class);
        nameProblem(target.name()).ifPresent(problem -> problems.put(TargetField.NAME, problem));
        if (target instanceof AwsRoleTarget aws) {
            awsProblems(aws, problems);
        } else if (target instanceof GcpWorkloadTarget gcp) {
            gcpProblems(gcp, problems);
        }
        return Collections.unmodifiableMap(problems);
    }

    public static void requireRoleArn(String roleArn) {
        roleArnProblem(roleArn).ifPresent(problem -> {
            throw new FedcredException(problem);
        });
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

    private static Optional<String> nameProblem(String name) {
        if (name.isBlank()) {
            return Optional.of("Enter a short name for the target, such as prod-readonly.");
        }
        if (!ShortNames.isUsable(name)) {
            return Optional.of(OutsideText.quoted(name) + " is not a usable target name: use " + ShortNames.RULE + ".");
        }
        return Optional.empty();
    }

    private static Optional<String> roleArnProblem(String roleArn) {
        if (ROLE_ARN.matcher(roleArn).matches()) {
            return Optional.empty();
        }
        String lead = roleArn.isBlank() ? "Enter the role's ARN." : OutsideText.quoted(roleArn) + " is not an IAM role ARN.";
        return Optional.of(lead + " It looks like " + ROLE_ARN_SHAPE + " (arn:aws-cn:… in China,"
                + " arn:aws-us-gov:… in GovCloud); copy it from the role's page in the IAM console.");
    }

    private static void awsProblems(AwsRoleTarget target, Map<TargetField, String> problems) {
        roleArnProblem(target.roleArn()).ifPresent(problem -> problems.put(TargetField.ROLE_ARN, problem));
        if (target.profile().isBlank()) {
            problems.put(TargetField.PROFILE, "Enter the AWS profile to write, such as prod; tools use it with"
                    + " --profile or AWS_PROFILE.");
        } else if (!PROFILE.matcher(target.profile()).matches()) {
            problems.put(TargetField.PROFILE, OutsideText.quoted(target.profile()) + " is not a usable AWS profile name: use"
                    + " letters, digits and . _ - / @, no spaces or brackets.");
        }
        if (target.region() != null && !REGION.matcher(target.region()).matches()) {
            problems.put(TargetField.REGION, OutsideText.quoted(target.region()) + " is not an AWS region name such as eu-west-1.");
        }
        long seconds = target.sessionDuration().toSeconds();
        if (seconds < AwsRoleTarget.MIN_DURATION.toSeconds() || seconds > AwsRoleTarget.MAX_DURATION.toSeconds()) {
            problems.put(TargetField.DURATION, "The session duration must be 900 to 43200 seconds (15 minutes to 12"
                    + " hours), not " + seconds + ".");
        }
        if (target.roleSessionName() != null && !SESSION_NAME.matcher(target.roleSessionName()).matches()) {
            problems.put(TargetField.SESSION_NAME, OutsideText.quoted(target.roleSessionName()) + " is not a valid role session"
                    + " name: 2 to 64 characters of letters, digits and + = , . @ _ -.");
        }
        httpsOrLoopbackProblem("The STS endpoint", target.stsEndpoint())
                .ifPresent(problem -> problems.put(TargetField.STS_ENDPOINT, problem));
    }

    private static void gcpProblems(GcpWorkloadTarget target, Map<TargetField, String> problems) {
        if (!PROJECT_NUMBER.matcher(target.projectNumber()).matches()) {
            String lead = target.projectNumber().isBlank() ? "Enter the project number."
                    : OutsideText.quoted(target.projectNumber()) + " is not a project number.";
            problems.put(TargetField.PROJECT_NUMBER, lead + " Workload identity pools are named by the project's"
                    + " number (digits only, e.g. 123456789012), not its ID. Find it with"
                    + " `gcloud projects describe PROJECT_ID --format='value(projectNumber)'`.");
        }
        poolOrProviderProblem("pool", target.poolId()).ifPresent(problem -> problems.put(TargetField.POOL, problem));
        poolOrProviderProblem("provider", target.providerId())
                .ifPresent(problem -> problems.put(TargetField.PROVIDER, problem));
        if (target.serviceAccount() != null && !EMAIL.matcher(target.serviceAccount()).matches()) {
            problems.put(TargetField.SERVICE_ACCOUNT, OutsideText.quoted(target.serviceAccount()) + " is not a service account"
                    + " email. It looks like NAME@PROJECT_ID.iam.gserviceaccount.com (see"
                    + " `gcloud iam service-accounts list`).");
        }
        target.scopes().stream().filter(scope -> !SCOPE.matcher(scope).matches()).findFirst()
                .ifPresent(scope -> problems.put(TargetField.SCOPES, OutsideText.quoted(scope) + " is not an OAuth scope such as "
                        + GcpWorkloadTarget.CLOUD_PLATFORM_SCOPE + "."));
        long seconds = target.tokenLifetime().toSeconds();
        if (seconds < GcpWorkloadTarget.MIN_LIFETIME.toSeconds() || seconds > GcpWorkloadTarget.MAX_LIFETIME.toSeconds()) {
            problems.put(TargetField.LIFETIME, "The access token lifetime must be 600 to 43200 seconds (10 minutes to"
                    + " 12 hours), not " + seconds + ". Over 3600 also needs the organization policy"
                    + " constraints/iam.allowServiceAccountCredentialLifetimeExtension for the service account.");
        }
        if (target.adcFile() != null) {
            pathProblem("The ADC file", target.adcFile()).ifPresent(problem -> problems.put(TargetField.ADC_FILE, problem));
        }
        httpsOnlyProblem("The Google STS endpoint", target.stsEndpoint())
                .ifPresent(problem -> problems.put(TargetField.STS_ENDPOINT, problem));
        httpsOnlyProblem("The IAM Credentials endpoint", target.iamCredentialsEndpoint())
                .ifPresent(problem -> problems.put(TargetField.IAM_CREDENTIALS_ENDPOINT, problem));
        if (target.trustedCaFile() != null) {
            pathProblem("The CA file", target.trustedCaFile())
                    .ifPresent(problem -> problems.put(TargetField.TRUSTED_CA_FILE, problem));
        }
    }

    /** A file fedcred keeps in its settings must not depend on the folder it was started in. */
    private static Optional<String> pathProblem(String what, Path file) {
        if (!file.isAbsolute() || file.getFileName() == null) {
            return Optional.of(what + " needs its full path, from the top of the disk, not \"" + file + "\".");
        }
        return Optional.empty();
    }

    /** Google's auth libraries refuse any other scheme, even on loopback: the sandbox serves https with its own CA. */
    private static Optional<String> httpsOnlyProblem(String what, URI endpoint) {
        if (endpoint != null && (!"https".equals(endpoint.getScheme()) || endpoint.getHost() == null)) {
            return Optional.of(what + " " + endpoint + " must be an https URL: Google's auth libraries"
                    + " refuse any other scheme, even on 127.0.0.1.");
        }
        return Optional.empty();
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

    private static Optional<String> httpsOrLoopbackProblem(String what, URI endpoint) {
        if (endpoint == null || LoopbackHosts.isHttpsOrLoopbackHttp(endpoint)) {
            return Optional.empty();
        }
        return Optional.of(what + " " + endpoint + " must use https"
                + " (plain http only on " + LoopbackHosts.NAMES + ", for the sandbox).");
    }
}
