package dev.fedcred.core.aws.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fedcred.core.CredentialsException;
import dev.fedcred.core.CredentialsException.Remedy;
import dev.fedcred.core.aws.profiles.AwsCredentials;
import dev.fedcred.core.net.BoundedInputStream;
import dev.fedcred.core.net.Deadline;
import dev.fedcred.core.net.Replies;
import dev.fedcred.core.net.ReplyLimit;
import dev.fedcred.core.net.ReplyTooLargeException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javax.net.ssl.SSLException;

/**
 * The AWS federation endpoint: {@code getSigninToken} turns a role session (access key ID,
 * secret, session token) into a sign-in token, and the login URL built from it opens the console.
 * The session goes in the query string, as AWS documents it; what comes back is read within a size
 * limit and a deadline, and no failure message carries the URL, the session or the reply.
 */
public final class FederationEndpoint {
    /** AWS's sign-in tokens work for 15 minutes after they are issued. */
    public static final Duration SIGNIN_TOKEN_LIFETIME = Duration.ofMinutes(15);
    /** The console session AWS allows through getSigninToken: 15 minutes to 12 hours. */
    public static final Duration MIN_SESSION = Duration.ofSeconds(900);
    public static final Duration MAX_SESSION = Duration.ofSeconds(43_200);
    /** What the console names as where the session came from (and links to when it ends). */
    static final String ISSUER = "fedcred";
    /** A sign-in token is a few hundred bytes; far more is not one. */
    private static final int MAX_TOKEN_CHARS = 16 * 1024;
    private static final long MAX_REPLY_BYTES = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Duration deadline;
    private final Clock clock;

    public FederationEndpoint(Duration deadline, Clock clock) {
        this.deadline = deadline;
        this.clock = clock;
    }

    /**
     * Signs the session in to the console at {@code destination}.
     *
     * @param endpoint the federation endpoint (the partition's, or the sandbox's)
     * @param session  the console session's length, kept within {@link #MIN_SESSION} and {@link #MAX_SESSION}
     */
    public ConsoleLink signIn(URI endpoint, AwsCredentials credentials, Duration session, URI destination) {
        Instant issuedAt = clock.instant();
        String token = signinToken(endpoint, credentials, clamp(session));
        URI login = URI.create(endpoint + "?Action=login&Issuer=" + encode(ISSUER) + "&Destination="
                + encode(destination.toString()) + "&SigninToken=" + encode(token));
        return new ConsoleLink(login, issuedAt.plus(SIGNIN_TOKEN_LIFETIME), destination);
    }

    static Duration clamp(Duration session) {
        return session.compareTo(MIN_SESSION) < 0 ? MIN_SESSION : session.compareTo(MAX_SESSION) > 0 ? MAX_SESSION : session;
    }

    private String signinToken(URI endpoint, AwsCredentials credentials, Duration session) {
        ObjectNode json = JSON.createObjectNode()
                .put("sessionId", credentials.accessKeyId())
                .put("sessionKey", credentials.secretAccessKey())
                .put("sessionToken", credentials.sessionToken());
        URI request = URI.create(endpoint + "?Action=getSigninToken&SessionDuration=" + session.toSeconds()
                + "&Session=" + encode(json.toString()));
        String where = where(endpoint);
        Deadline until = Deadline.in(deadline);
        HttpURLConnection connection = null;
        try {
            connection = (HttpURLConnection) request.toURL().openConnection();
            connection.setConnectTimeout((int) Deadline.connectTimeout(deadline).toMillis());
            connection.setReadTimeout(until.remainingMillis());
            connection.setInstanceFollowRedirects(false);
            connection.setUseCaches(false);
            connection.setRequestProperty("Accept", "application/json");
            int status = connection.getResponseCode();
            if (status != 200) {
                throw refused(status, where);
            }
            byte[] body;
            HttpURLConnection open = connection;
            try (InputStream in = new BoundedInputStream(connection.getInputStream(),
                    new ReplyLimit("AWS federation endpoint reply", where, MAX_REPLY_BYTES), until, open::disconnect)) {
                body = in.readAllBytes();
            }
            return tokenIn(body, where);
        } catch (CredentialsException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw unreachable(e, where);
        } finally {
            if (connection != null) {
                connection.disconnect();
            }
        }
    }

    private static String tokenIn(byte[] body, String where) {
        JsonNode reply;
        try {
            reply = JSON.readTree(body);
        } catch (IOException e) {
            reply = null;
        }
        JsonNode token = reply == null ? null : reply.get("SigninToken");
        if (token == null || !token.isTextual() || token.asText().isBlank() || token.asText().length() > MAX_TOKEN_CHARS) {
            throw new CredentialsException(Remedy.CHECK_ENDPOINT, null, "The AWS federation endpoint " + where
                    + " answered, but not with a sign-in token (expected JSON with SigninToken). Is the federation"
                    + " endpoint right, or is a proxy answering in its place?", null);
        }
        return token.asText();
    }

    /** The message names the endpoint's scheme, host and path, never the query, which holds the session. */
    static String where(URI endpoint) {
        return endpoint.getScheme() + "://" + endpoint.getRawAuthority() + (endpoint.getRawPath() == null ? "" : endpoint.getRawPath());
    }

    private static CredentialsException refused(int status, String where) {
        if (status == 429 || status >= 500) {
            return new CredentialsException(Remedy.TRY_LATER, "HTTP " + status, "The AWS federation endpoint " + where
                    + " is busy or failing (HTTP " + status + "); try again in a minute.", null);
        }
        if (status >= 300 && status < 400) {
            return new CredentialsException(Remedy.CHECK_ENDPOINT, "HTTP " + status, "The AWS federation endpoint "
                    + where + " redirected instead of answering (HTTP " + status + "); fedcred does not send a role"
                    + " session on to another address. Is the federation endpoint right, or is a proxy in the way?", null);
        }
        return new CredentialsException(Remedy.FIX_CLOUD_SETUP, "HTTP " + status, "The AWS federation endpoint "
                + where + " refused the role session for a console sign-in (HTTP " + status + "). fedcred has dropped"
                + " those credentials, so the next try gets new ones; if it refuses again, the session may not open the"
                + " console: a role reached by role chaining allows at most 1 hour, and an SCP or permissions"
                + " boundary can deny console sign-in.", null);
    }

    /**
     * Never with {@code e} as the cause: HttpURLConnection's messages quote the whole request URL,
     * and this one carries the session in its query.
     */
    private CredentialsException unreachable(Exception e, String where) {
        ReplyTooLargeException tooLarge = Replies.tooLarge(e);
        if (tooLarge != null) {
            return new CredentialsException(Remedy.CHECK_ENDPOINT, null, tooLarge.getMessage(), tooLarge);
        }
        if (Replies.deadlineReached(e)) {
            return new CredentialsException(Remedy.TRY_LATER, null, "The AWS federation endpoint " + where
                    + " did not answer within " + Deadline.shown(deadline) + "; try again later.", null);
        }
        String why = e instanceof UnknownHostException ? "its host is unknown"
                : e instanceof ConnectException ? "the connection was refused"
                : e instanceof SSLException ? "its TLS certificate is not trusted or the handshake failed"
                : "the connection failed (" + e.getClass().getSimpleName() + ")";
        return new CredentialsException(Remedy.CHECK_NETWORK, null, "Cannot reach the AWS federation endpoint " + where
                + ": " + why + ". Check the network connection and any proxy, then try again.", null);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
