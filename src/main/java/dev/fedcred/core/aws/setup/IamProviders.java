package dev.fedcred.core.aws.setup;

import java.net.URI;

/**
 * How IAM names an OpenID Connect issuer. Google is built into IAM as {@code accounts.google.com};
 * any other issuer is an IAM OIDC identity provider whose ARN and condition keys carry the
 * issuer's host and path without the scheme ({@code example.com/tenant:aud}).
 */
public final class IamProviders {
    public static final String GOOGLE = "accounts.google.com";

    private IamProviders() {
    }

    /** The issuer's host, port and path as IAM writes it in condition keys; Google's either {@code iss} form gives {@value #GOOGLE}. */
    public static String providerKey(String iss) {
        String withScheme = iss.contains("://") ? iss : "https://" + iss;
        URI uri = URI.create(withScheme);
        String hostAndPort = uri.getPort() > 0 ? uri.getHost() + ":" + uri.getPort() : uri.getHost();
        String path = uri.getPath() == null || "/".equals(uri.getPath()) ? "" : uri.getPath();
        return hostAndPort + path;
    }

    public static boolean isGoogle(String iss) {
        return GOOGLE.equals(providerKey(iss));
    }

    /** The trust policy's {@code Principal.Federated} for tokens from {@code iss} in {@code accountId}. */
    public static String federatedPrincipal(String iss, String accountId) {
        return isGoogle(iss) ? GOOGLE : providerArn(iss, accountId);
    }

    public static String providerArn(String iss, String accountId) {
        return "arn:aws:iam::" + accountId + ":oidc-provider/" + providerKey(iss);
    }

    /** The URL IAM's create-open-id-connect-provider takes: the issuer with its scheme. */
    public static String providerUrl(String iss) {
        return iss.contains("://") ? iss : "https://" + iss;
    }
}
