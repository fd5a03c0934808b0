package dev.fedcred.core.aws.setup;

import dev.fedcred.core.FedcredException;
import dev.fedcred.core.text.OutsideText;
import java.util.Map;
import java.util.Objects;

/**
 * What a role's trust policy for web identity is made from: the signed-in token's issuer, the
 * client it was issued to, the user, and the role.
 *
 * @param issuer   the token's {@code iss}
 * @param clientId the OAuth client ID: IAM's {@code <provider>:aud}. For Google that key reads the
 *                 token's {@code azp} when it has one, else its {@code aud}; fedcred's own sign-in
 *                 gets both equal to the client ID
 * @param subject  the token's {@code sub}, put in a {@code <provider>:sub} condition; null for none
 * @param email    the token's {@code email} (shown in the documents' descriptions only), may be null
 * @param role     the role that trusts the token
 */
public record WebIdentityTrust(String issuer, String clientId, String subject, String email, RoleArn role) {
    public WebIdentityTrust {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(role, "role");
        requirePrintable("iss", issuer);
        requirePrintable("aud", clientId);
        requirePrintable("sub", subject);
        requirePrintable("email", email);
    }

    /** From a verified token's claims; {@code withSub} adds the condition that only this user may assume the role. */
    public static WebIdentityTrust fromClaims(Map<String, Object> claims, RoleArn role, boolean withSub) {
        String iss = text(claims.get("iss"));
        if (iss == null) {
            throw new FedcredException("The ID token has no iss claim; sign in again.");
        }
        Object azp = claims.get("azp");
        String clientId = IamProviders.isGoogle(iss) && azp != null ? azp.toString() : firstAudience(claims.get("aud"));
        if (clientId == null) {
            throw new FedcredException("The ID token has no aud claim; sign in again.");
        }
        return new WebIdentityTrust(iss, clientId, withSub ? text(claims.get("sub")) : null, text(claims.get("email")), role);
    }

    public String providerKey() {
        return IamProviders.providerKey(issuer);
    }

    public boolean isGoogle() {
        return IamProviders.isGoogle(issuer);
    }

    public String federatedPrincipal() {
        return IamProviders.federatedPrincipal(issuer, role.accountId());
    }

    private static String firstAudience(Object aud) {
        if (aud instanceof Iterable<?> values) {
            var it = values.iterator();
            return it.hasNext() ? String.valueOf(it.next()) : null;
        }
        return text(aud);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    /**
     * IAM, shells and HCL all take any printable text once escaped; a control character or a
     * bidirectional override in a claim is no identity anyone means, would make the printed
     * documents read otherwise than they are, and HCL has no escape for some of them.
     */
    private static void requirePrintable(String claim, String value) {
        if (value != null && !value.equals(OutsideText.neutralise(value))) {
            throw new FedcredException("The ID token's " + claim + " claim holds control or text-direction characters; fedcred does not"
                    + " write it into a trust policy. Ask the identity provider's administrator about it.");
        }
    }
}
