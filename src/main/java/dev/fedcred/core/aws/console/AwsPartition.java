package dev.fedcred.core.aws.console;

import java.net.URI;
import java.util.Locale;

/**
 * The AWS partitions, each with its own sign-in (federation) host and console: a role in
 * {@code arn:aws-cn:...} signs in at signin.amazonaws.cn, never at signin.aws.amazon.com.
 */
public enum AwsPartition {
    AWS("aws", "signin.aws.amazon.com", "console.aws.amazon.com"),
    CHINA("aws-cn", "signin.amazonaws.cn", "console.amazonaws.cn"),
    GOV_CLOUD("aws-us-gov", "signin.amazonaws-us-gov.com", "console.amazonaws-us-gov.com");

    private final String id;
    private final String signinHost;
    private final String consoleHost;

    AwsPartition(String id, String signinHost, String consoleHost) {
        this.id = id;
        this.signinHost = signinHost;
        this.consoleHost = consoleHost;
    }

    /** The partition an ARN names ({@code arn:PARTITION:...}); the commercial one for anything else. */
    public static AwsPartition ofArn(String arn) {
        String[] parts = arn.split(":", 3);
        if (parts.length >= 2) {
            for (AwsPartition partition : values()) {
                if (partition.id.equals(parts[1])) {
                    return partition;
                }
            }
        }
        return AWS;
    }

    /** "aws", "aws-cn", "aws-us-gov": the ARN's word. */
    public String id() {
        return id;
    }

    public String signinHost() {
        return signinHost;
    }

    public String consoleHost() {
        return consoleHost;
    }

    /** {@code https://SIGNIN_HOST/federation}, where getSigninToken and login go. */
    public URI federationEndpoint() {
        return URI.create("https://" + signinHost + "/federation");
    }

    /** {@code https://CONSOLE_HOST/}, the console's home. */
    public URI console() {
        return URI.create("https://" + consoleHost + "/");
    }

    /** An https URL of this partition's console: its host or a regional one such as eu-west-1.console.aws.amazon.com. */
    public boolean isConsoleUrl(URI url) {
        if (!"https".equalsIgnoreCase(url.getScheme()) || url.getHost() == null || url.getRawUserInfo() != null
                || (url.getPort() != -1 && url.getPort() != 443)) {
            return false;
        }
        String host = url.getHost().toLowerCase(Locale.ROOT);
        return host.equals(consoleHost) || host.endsWith("." + consoleHost);
    }
}
