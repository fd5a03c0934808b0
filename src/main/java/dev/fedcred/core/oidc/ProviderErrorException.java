package dev.fedcred.core.oidc;

import dev.fedcred.core.FedcredException;
import dev.fedcred.core.text.OutsideText;

/** The provider sent the browser back with {@code error} (RFC 6749, section 4.1.2.1). */
public class ProviderErrorException extends FedcredException {
    private final String error;
    private final String description;

    public ProviderErrorException(String error, String description) {
        super(messageFor(error, description));
        this.error = error;
        this.description = description;
    }

    public String error() {
        return error;
    }

    public String description() {
        return description;
    }

    private static String messageFor(String error, String description) {
        // both come from the provider through the browser's address bar: anyone can put anything there
        String detail = description == null || description.isBlank() ? "" : " (" + OutsideText.shown(description) + ")";
        String advice = "access_denied".equals(error)
                ? "The sign-in was declined in the browser; sign in again and approve it."
                : "Check the issuer's client ID, redirect URI and scopes in fedcred's settings, then sign in again.";
        return "The identity provider refused the sign-in: " + OutsideText.shown(error) + detail + ". " + advice;
    }
}
