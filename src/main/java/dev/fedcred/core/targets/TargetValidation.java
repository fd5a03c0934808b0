package dev.fedcred.core.targets;

import dev.fedcred.core.FedcredException;
import java.net.URI;
import java.util.regex.Pattern;

/** Checks a target before it is saved, so a typo is caught here rather than by AWS or Google. */
public final class TargetValidation {
    public static final Pattern ROLE_ARN = Pattern.compile("arn:aws(-cn|-us-gov)?:iam::\\d{12}:role/[\\w+=,.@/-]{1,512}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern PROFILE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/+@-]{0,127}");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");
    private static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]{2,64}");
    private static final Pattern PROJECT_NUMBER = Pattern.compile("[0-9]{1,19}");
    private static final Pattern POOL_OR_PROVIDER_ID = Pattern.compile("[a-z0-9-]{4,32}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");
    private static final Pattern SCOPE = Pattern.compile("\\S+");

    private TargetValidation() {
    }

    public static void validate(Target target) {
        if (!NAME.matcher(target.name()).matches()) {
            throw new FedcredException("\"" + target.name() + "\" is not a usable target name: use letters, digits,"
                    + " '.', '_' or '-', at most 64, starting with a letter or digit.");
        }
        if (target instanceof AwsRoleTarget aws) {
            validateAws(aws);
        } else if (target instanceof GcpWorkloadTarget gcp) {
            validateGcp(gcp);
        }
    }

    public static void requireRoleArn(String roleArn) {
        if (!ROLE_ARN.matcher(roleArn).matches()) {
            throw new FedcredException("\"" + roleArn + "\" is not an IAM role ARN. It looks like"
                    + " arn:aws:iam::123456789012:role/NAME (copy it from the role's page in the IAM console).");
        }
    }

    private static void validateAws(AwsRoleTarget target) {
        requireRoleArn(target.roleArn());
        if (!PROFILE.matcher(target.profile()).matches()) {
            throw new FedcredException("\"" + target.profile() + "\" is not a usable AWS profile name: use letters,"
                    + " digits and . _ - / + @, no spaces or brackets.");
        }
        if (target.region() != null && !REGION.matcher(target.region()).matches()) {
            throw new FedcredException("\"" + target.region() + "\" is not an AWS region name such as eu-west-1.");
        }
        long seconds = target.sessionDuration().toSeconds();
        if (seconds < AwsRoleTarget.MIN_DURATION.toSeconds() || seconds > AwsRoleTarget.MAX_DURATION.toSeconds()) {
            throw new FedcredException("The session duration must be 900 to 43200 seconds (15 minutes to 12 hours),"
                    + " not " + seconds + ".");
        }
        if (target.roleSessionName() != null && !SESSION_NAME.matcher(target.roleSessionName()).matches()) {
            throw new FedcredException("\"" + target.roleSessionName() + "\" is not a valid role session name:"
                    + " 2 to 64 characters of letters, digits and + = , . @ _ -.");
        }
        requireHttps("The STS endpoint", target.stsEndpoint());
    }

    private static void validateGcp(GcpWorkloadTarget target) {
        if (!PROJECT_NUMBER.matcher(target.projectNumber()).matches()) {
            throw new FedcredException("\"" + target.projectNumber() + "\" is not a project number: workload identity"
                    + " pools are named by the project's number (digits only, e.g. 123456789012), not its ID."
                    + " Find it with `gcloud projects describe PROJECT_ID --format='value(projectNumber)'`.");
        }
        requirePoolOrProviderId("pool", target.poolId());
        requirePoolOrProviderId("provider", target.providerId());
        if (target.serviceAccount() != null && !EMAIL.matcher(target.serviceAccount()).matches()) {
            throw new FedcredException("\"" + target.serviceAccount() + "\" is not a service account email. It looks"
                    + " like NAME@PROJECT_ID.iam.gserviceaccount.com (see `gcloud iam service-accounts list`).");
        }
        for (String scope : target.scopes()) {
            if (!SCOPE.matcher(scope).matches()) {
                throw new FedcredException("\"" + scope + "\" is not an OAuth scope such as "
                        + GcpWorkloadTarget.CLOUD_PLATFORM_SCOPE + ".");
            }
        }
        long seconds = target.tokenLifetime().toSeconds();
        if (seconds < GcpWorkloadTarget.MIN_LIFETIME.toSeconds() || seconds > GcpWorkloadTarget.MAX_LIFETIME.toSeconds()) {
            throw new FedcredException("The access token lifetime must be 600 to 43200 seconds (10 minutes to 12"
                    + " hours), not " + seconds + ". Over 3600 also needs the organization policy"
                    + " constraints/iam.allowServiceAccountCredentialLifetimeExtension for the service account.");
        }
        requireHttpsOnly("The Google STS endpoint", target.stsEndpoint());
        requireHttpsOnly("The IAM Credentials endpoint", target.iamCredentialsEndpoint());
    }

    /** Google's auth libraries refuse any other scheme, even on loopback: the sandbox serves https with its own CA. */
    private static void requireHttpsOnly(String what, URI endpoint) {
        if (endpoint != null && (!"https".equals(endpoint.getScheme()) || endpoint.getHost() == null)) {
            throw new FedcredException(what + " " + endpoint + " must be an https URL: Google's auth libraries"
                    + " refuse any other scheme, even on 127.0.0.1.");
        }
    }

    private static void requirePoolOrProviderId(String what, String id) {
        if (!POOL_OR_PROVIDER_ID.matcher(id).matches() || id.startsWith("gcp-")) {
            throw new FedcredException("\"" + id + "\" is not a workload identity " + what + " ID: 4 to 32 lowercase"
                    + " letters, digits and hyphens, not starting with gcp- (the last part of its name, as `gcloud iam workload-identity-pools"
                    + ("pool".equals(what) ? " list" : " providers list") + " --location=global` shows it).");
        }
    }

    private static void requireHttps(String what, URI endpoint) {
        if (endpoint == null || "https".equals(endpoint.getScheme())) {
            return;
        }
        if (!"http".equals(endpoint.getScheme()) || !isLoopback(endpoint.getHost())) {
            throw new FedcredException(what + " " + endpoint + " must use https"
                    + " (plain http only on 127.0.0.1 or localhost, for the sandbox).");
        }
    }

    private static boolean isLoopback(String host) {
        return "127.0.0.1".equals(host) || "localhost".equals(host);
    }
}
