package dev.fedcred.core.gcp;

import dev.fedcred.core.CredentialsException;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.IdentityPoolCredentials;
import com.google.auth.oauth2.IdentityPoolSubjectTokenSupplier;
import dev.fedcred.core.issued.IssuedCredentialChecks;
import dev.fedcred.core.net.Replies;
import dev.fedcred.core.net.ReplyTooLargeException;
import dev.fedcred.core.oidc.TokenSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The workload identity federation exchange through Google's auth library: the verified ID token
 * goes to Google STS for a federated access token, which, when the target names a service account,
 * impersonates it through IAM Credentials generateAccessToken. The library does both calls.
 */
public final class WorkloadIdentityExchanger {
    public static final String JWT_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:jwt";
    /** google.subject may hold at most 127 bytes; a longer sub is refused by STS with an unhelpful error. */
    static final int MAX_SUBJECT_BYTES = 127;

    /** Google STS may leave out expires_in (RFC 8693); its federated tokens live an hour. */
    private static final Duration FEDERATED_TOKEN_LIFETIME = Duration.ofHours(1);

    private final GcpHttpTransports transports;
    private final Clock clock;

    /** @param clock what "already expired" is judged by */
    public WorkloadIdentityExchanger(GcpHttpTransports transports, Clock clock) {
        this.transports = transports;
        this.clock = clock;
    }

    public GcpAccessToken exchange(GcpWorkloadTarget target, TokenSet tokens) {
        requireShortSubject(target, tokens);
        IdentityPoolCredentials credentials = credentials(target, tokens.rawIdToken());
        AccessToken token;
        try {
            token = credentials.refreshAccessToken();
        } catch (IOException | RuntimeException e) {
            ReplyTooLargeException tooLarge = Replies.tooLarge(e);
            throw tooLarge != null ? tooLarge : GcpErrors.translate(e, target, tokens, transports.deadline());
        }
        Instant now = clock.instant();
        Instant expiresAt = expiresAt(token);
        String source = target.serviceAccount() != null
                ? "Google IAM Credentials at " + target.effectiveIamCredentialsEndpoint()
                : "Google STS at " + target.effectiveStsEndpoint();
        IssuedCredentialChecks.requireValue(source, "access token", token.getTokenValue(),
                IssuedCredentialChecks.MAX_TOKEN_CHARS);
        IssuedCredentialChecks.requireLifetime(source, expiresAt, now);
        String principal = target.serviceAccount() != null ? target.serviceAccount() : target.principal(tokens.subject());
        return new GcpAccessToken(token.getTokenValue(), expiresAt, target.serviceAccount(), principal);
    }

    /** A reply without an expiry counts as Google's usual hour, from fedcred's clock like every other expiry. */
    Instant expiresAt(AccessToken token) {
        return token.getExpirationTime() == null
                ? clock.instant().plus(FEDERATED_TOKEN_LIFETIME) : token.getExpirationTime().toInstant();
    }

    private IdentityPoolCredentials credentials(GcpWorkloadTarget target, String idToken) {
        IdentityPoolSubjectTokenSupplier subjectToken = context -> idToken;
        IdentityPoolCredentials.Builder builder = IdentityPoolCredentials.newBuilder()
                .setAudience(target.audience())
                .setSubjectTokenType(JWT_TOKEN_TYPE)
                .setTokenUrl(target.effectiveStsEndpoint().toString())
                .setSubjectTokenSupplier(subjectToken)
                .setScopes(target.scopes())
                .setHttpTransportFactory(transports.forExchange(target.trustedCaFile()));
        if (target.serviceAccount() != null) {
            builder.setServiceAccountImpersonationUrl(target.impersonationUrl())
                    .setServiceAccountImpersonationOptions(Map.of("token_lifetime_seconds",
                            (int) target.tokenLifetime().toSeconds()));
        }
        return builder.build();
    }

    static void requireShortSubject(GcpWorkloadTarget target, TokenSet tokens) {
        String sub = tokens.subject() == null ? "" : tokens.subject();
        int bytes = sub.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_SUBJECT_BYTES) {
            throw new CredentialsException(CredentialsException.Remedy.FIX_CLOUD_SETUP, null,
                    "The ID token's sub is " + bytes + " bytes long; Google's google.subject holds at most "
                            + MAX_SUBJECT_BYTES + ", so STS would refuse the token for " + target.audience()
                            + ". Use an issuer (or client) whose sub is shorter, or sign in with a shorter identity;"
                            + " fedcred does not send such a token.", null);
        }
    }
}
