package dev.fedcred.sandbox;

/**
 * The one OAuth client the sandbox issuer knows.
 *
 * <p>It is a public client (a desktop app cannot keep a secret, RFC 8252 section 8.5): the token
 * endpoint accepts no authentication, and if a {@code client_secret} is sent anyway its value is
 * ignored. What is checked is that the {@code client_id} is this one and is consistent.
 */
public final class SandboxClient {

    public static final String CLIENT_ID = "fedcred-sandbox";

    private SandboxClient() {
    }

    static boolean isKnown(String clientId) {
        return CLIENT_ID.equals(clientId);
    }
}
