package dev.fedcred.core.aws.setup;

/**
 * How IAM names an OpenID Connect issuer. Google is built into IAM as {@code accounts.google.com};
 * any other issuer is an IAM OIDC identity provider whose ARN and condition keys carry the
 * issuer's host and path without the scheme ({@code example.com/tenant:aud}).
 */
public final class IamProviders {
    public static final String GOOGLE = "accounts.google.com";

    private IamProviders() {
    }

    /**
     * The issuer as IAM names its provider in ARNs and condition keys: the URL without its scheme,
     * path kept exactly (a trailing slash too: IAM keys {@code example.auth0.com/:aud} for the issuer
     * {@code https://example.auth0.com/}). Google's two {@code iss} forms both give {@value #GOOGLE}.
     */
    public static String providerKey(String iss) {
        int scheme = iss.indexOf("://");
        return scheme < 0 ? iss : iss.substring(scheme + 3);
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
