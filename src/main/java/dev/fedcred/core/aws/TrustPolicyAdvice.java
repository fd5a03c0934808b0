package dev.fedcred.core.aws;

import dev.fedcred.core.oidc.TokenSet;
import dev.fedcred.core.aws.AwsRoleTarget;
import java.net.URI;

/**
 * When STS refuses a token, people need to see what the token says beside what the role's trust
 * policy must say. For Google the federated principal is the built-in {@code accounts.google.com};
 * any other issuer is an IAM OIDC provider named by its host and path.
 */
final class TrustPolicyAdvice {
    private TrustPolicyAdvice() {
    }

    static String explain(AwsRoleTarget target, TokenSet tokens) {
        String iss = String.valueOf(tokens.claims().get("iss"));
        String providerKey = providerKey(iss);
        String principal = "accounts.google.com".equals(providerKey)
                ? "accounts.google.com"
                : "arn:aws:iam::" + target.accountId() + ":oidc-provider/" + providerKey;
        String aud = tokens.audience();
        String sub = tokens.subject();
        return "The token says iss=" + iss + ", aud=" + aud + ", sub=" + sub + ". The trust policy of "
                + target.roleArn() + " must allow it, for example:\n"
                + "{\"Effect\":\"Allow\",\"Principal\":{\"Federated\":\"" + principal + "\"},"
                + "\"Action\":\"sts:AssumeRoleWithWebIdentity\",\"Condition\":{\"StringEquals\":{\""
                + providerKey + ":aud\":\"" + aud + "\",\"" + providerKey + ":sub\":\"" + sub + "\"}}}"
                + ("accounts.google.com".equals(providerKey) ? ""
                        : "\n(The IAM OIDC provider " + providerKey + " must exist and list " + aud + " as a client ID.)");
    }

    /** How IAM names an issuer in principals and condition keys: host and path, no scheme. */
    static String providerKey(String iss) {
        String withScheme = iss.contains("://") ? iss : "https://" + iss;
        URI uri = URI.create(withScheme);
        String hostAndPort = uri.getPort() > 0 ? uri.getHost() + ":" + uri.getPort() : uri.getHost();
        String path = uri.getPath() == null || "/".equals(uri.getPath()) ? "" : uri.getPath();
        return hostAndPort + path;
    }
}
