package dev.fedcred.core.gcp;

import dev.fedcred.core.CredentialsException;
import static dev.fedcred.core.CredentialsException.Remedy.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.api.client.http.HttpResponseException;
import dev.fedcred.core.Failures;
import dev.fedcred.core.Json;
import dev.fedcred.core.net.Deadline;
import dev.fedcred.core.net.Replies;
import dev.fedcred.core.text.OutsideText;
import dev.fedcred.core.oidc.TokenSet;
import com.google.gson.JsonParseException;
import com.google.gson.stream.MalformedJsonException;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import javax.net.ssl.SSLException;

/**
 * Turns what Google's auth library throws into messages that say what to do. The library
 * reports STS refusals as an OAuthException ("Error code invalid_grant: ...") and impersonation
 * refusals as an IOException "Error requesting access token"; both carry the HTTP response as a
 * {@link HttpResponseException} in their cause chain, whose JSON body tells the two apart: STS
 * answers {"error":"invalid_grant","error_description":...}, IAM Credentials
 * {"error":{"code":403,"status":"PERMISSION_DENIED","message":...}}. No response at all is a
 * network failure.
 */
final class GcpErrors {
    private GcpErrors() {
    }

    /** @param deadline the exchange's, for the message when it passed */
    static CredentialsException translate(Exception e, GcpWorkloadTarget target, TokenSet tokens, Duration deadline) {
        if (Replies.deadlineReached(e)) {
            return new CredentialsException(TRY_LATER, null, endpoints(target) + " did not answer within "
                    + Deadline.shown(deadline) + ". Check the network or proxy" + sandboxHint(target) + ", then try again.", e);
        }
        HttpResponseException response = find(e, HttpResponseException.class);
        if (response == null) {
            if (isUnreadableReply(e)) {
                return notAGoogleReply(target, "a reply that is not Google's JSON", e);
            }
            return e instanceof IOException || find(e, IOException.class) != null
                    ? unreachable(e, target)
                    : new CredentialsException(FIX_TARGET, null, "Google's auth library refused the target " + target.name()
                            + " (" + OutsideText.shown(String.valueOf(e.getMessage())) + "). Check its endpoints and service account.", e);
        }
        JsonNode body = parse(response.getContent());
        if (body.isEmpty() && response.getStatusCode() < 500) {
            return notAGoogleReply(target, "HTTP " + response.getStatusCode() + " without Google's JSON error", e);
        }
        JsonNode error = body.path("error");
        if (error.isObject()) {
            return iamCredentials(response, error, target, tokens);
        }
        return sts(response, error.asText("http_" + response.getStatusCode()),
                body.path("error_description").asText(""), target, tokens);
    }

    private static CredentialsException sts(HttpResponseException e, String code, String description,
                                            GcpWorkloadTarget target, TokenSet tokens) {
        String said = " (Google STS: " + code + (description.isEmpty() ? "" : ": " + description) + ")";
        String lower = description.toLowerCase(Locale.ROOT);
        if (e.getStatusCode() >= 500 || e.getStatusCode() == 429 || "temporarily_unavailable".equals(code)) {
            return new CredentialsException(TRY_LATER, code, "Google STS could not answer" + said + ". Try again in a minute.", e);
        }
        if ("invalid_grant".equals(code) && lower.contains("expired")) {
            return new CredentialsException(SIGN_IN_AGAIN, code, "Google STS refused the ID token because it has expired"
                    + said + ". Sign in again: `fedcred login --issuer " + tokens.issuerName() + "`.", e);
        }
        if ("invalid_grant".equals(code)) {
            return new CredentialsException(FIX_CLOUD_SETUP, code, "Google STS did not accept the ID token for the"
                    + " provider " + target.audience() + said + ". " + ProviderAdvice.explain(target, tokens, description), e);
        }
        if ("unauthorized_client".equals(code) || "access_denied".equals(code)) {
            return new CredentialsException(FIX_CLOUD_SETUP, code, "The provider " + target.audience()
                    + " refused this identity" + said + ". " + ProviderAdvice.conditionRefused(target, tokens), e);
        }
        if ("invalid_target".equals(code) || lower.contains("does not exist") || lower.contains("disabled")) {
            return new CredentialsException(FIX_TARGET, code, "Google STS does not know the provider " + target.audience()
                    + said + ". Check the target's project number, pool and provider (`gcloud iam workload-identity-pools"
                    + " providers list --workload-identity-pool=" + target.poolId() + " --location=global`), and that"
                    + " neither is disabled or deleted.", e);
        }
        return new CredentialsException(FIX_TARGET, code, "Google STS refused the exchange for " + target.audience()
                + said + ". Check the target's settings.", e);
    }

    private static CredentialsException iamCredentials(HttpResponseException e, JsonNode error, GcpWorkloadTarget target,
                                                       TokenSet tokens) {
        String status = error.path("status").asText("HTTP_" + e.getStatusCode());
        String message = error.path("message").asText("");
        String said = " (IAM Credentials: " + status + (message.isEmpty() ? "" : ": " + message) + ")";
        String account = target.serviceAccount();
        if (e.getStatusCode() >= 500 || e.getStatusCode() == 429) {
            return new CredentialsException(TRY_LATER, status, "Google IAM Credentials could not answer" + said
                    + ". Try again in a minute.", e);
        }
        if (message.contains("has not been used") || message.contains("is disabled") || message.contains("SERVICE_DISABLED")) {
            return new CredentialsException(FIX_TARGET, status, "The IAM Service Account Credentials API is not enabled"
                    + said + ". Enable it in the service account's project: `gcloud services enable"
                    + " iamcredentials.googleapis.com --project PROJECT_ID`.", e);
        }
        if ("PERMISSION_DENIED".equals(status) || e.getStatusCode() == 403) {
            return new CredentialsException(GRANT_ACCESS, status, "This identity may not impersonate " + account + said
                    + ". Grant it Workload Identity User on the service account:\n"
                    + "gcloud iam service-accounts add-iam-policy-binding " + account
                    + " --role roles/iam.workloadIdentityUser --member " + target.principal(tokens.subject()), e);
        }
        if ("NOT_FOUND".equals(status) || e.getStatusCode() == 404) {
            return new CredentialsException(FIX_TARGET, status, "The service account " + account + " does not exist"
                    + said + ". Check the target's --service-account (`gcloud iam service-accounts list`).", e);
        }
        if ("UNAUTHENTICATED".equals(status) || e.getStatusCode() == 401) {
            return new CredentialsException(SIGN_IN_AGAIN, status, "IAM Credentials did not accept the federated token"
                    + said + ". Sign in again: `fedcred login --issuer " + tokens.issuerName() + "`.", e);
        }
        if (target.tokenLifetime().toSeconds() > 3600 && "INVALID_ARGUMENT".equals(status)) {
            return new CredentialsException(FIX_TARGET, status, "Google refused a lifetime of "
                    + target.tokenLifetime().toSeconds() + " s" + said + ". Over 3600 s needs the organization policy"
                    + " constraints/iam.allowServiceAccountCredentialLifetimeExtension to list " + account
                    + "; or lower the target's --lifetime.", e);
        }
        return new CredentialsException(FIX_TARGET, status, "Google IAM Credentials refused to impersonate " + account
                + said + ". Check the target's service account and lifetime.", e);
    }

    /** The library's JSON parser (Gson) failed: an answer came, but not Google's JSON. */
    private static boolean isUnreadableReply(Exception e) {
        return find(e, MalformedJsonException.class) != null || find(e, JsonParseException.class) != null
                || find(e, IllegalArgumentException.class) != null;
    }

    private static CredentialsException notAGoogleReply(GcpWorkloadTarget target, String what, Exception e) {
        return new CredentialsException(CHECK_ENDPOINT, null, "Something at " + endpoints(target) + " answered, but not"
                + " as Google does (" + what + "): a proxy or captive portal in the way, or an endpoint that is not"
                + " Google's. Check the target's endpoints and the network's proxy (sign in to it in a browser if it"
                + " asks), then try again.", e);
    }

    private static String endpoints(GcpWorkloadTarget target) {
        return target.effectiveStsEndpoint() + (target.serviceAccount() == null ? ""
                : " or " + target.effectiveIamCredentialsEndpoint());
    }

    private static String sandboxHint(GcpWorkloadTarget target) {
        return endpoints(target).contains("127.0.0.1") ? "; for the sandbox, start it with `fedcred sandbox`" : "";
    }

    private static CredentialsException unreachable(Exception e, GcpWorkloadTarget target) {
        boolean tls = find(e, SSLException.class) != null;
        String endpoints = endpoints(target);
        boolean sandbox = endpoints.contains("127.0.0.1");
        String hint = tls
                ? (target.trustedCaFile() != null ? "; the server's certificate is not signed by the CA in "
                + target.trustedCaFile() : "; the server's certificate is not trusted (a proxy that inspects TLS?)")
                : "";
        return new CredentialsException(CHECK_NETWORK, null, "Cannot reach " + endpoints + " (" + Failures.rootCause(e) + ")"
                + hint + ". Check the network or proxy" + (sandbox ? "; for the sandbox, start it with `fedcred sandbox`" : "")
                + ", then try again.", e);
    }

    private static JsonNode parse(String content) {
        try {
            JsonNode node = content == null ? null : Json.MAPPER.readTree(content);
            return node == null ? Json.MAPPER.createObjectNode() : node;
        } catch (IOException e) {
            return Json.MAPPER.createObjectNode();
        }
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable at = e; at != null; at = at.getCause() == at ? null : at.getCause()) {
            if (type.isInstance(at)) {
                return type.cast(at);
            }
        }
        return null;
    }
}
