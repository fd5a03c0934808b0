package dev.fedcred.ui;

import dev.fedcred.core.oidc.IssuerConfig;
import dev.fedcred.core.oidc.IssuerKind;
import dev.fedcred.core.oidc.RedirectSpec;
import dev.fedcred.core.settings.IssuerRegistry;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The issuer dialog's rules, without JavaFX: turns what the user typed into an {@link IssuerConfig}
 * or into one message per field that is wrong. The checks repeat {@link IssuerRegistry}'s (which
 * still has the last word on save) so that the dialog can say what is wrong before saving.
 */
final class IssuerForm {
    static final String DEFAULT_SCOPES = String.join(" ", IssuerConfig.DEFAULT_SCOPES);
    static final String REDIRECT_EXAMPLE = "http://127.0.0.1:3000/auth/google/callback";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    /** RFC 6749, section 3.3: a scope token is printable ASCII without space, '"' or '\'. */
    private static final Pattern SCOPE = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]+");

    enum Provider {
        GOOGLE("Google"),
        OTHER("Other OpenID Connect provider");

        final String text;

        Provider(String text) {
            this.text = text;
        }
    }

    enum Redirect {
        ANY_FREE_PORT("Any free port on 127.0.0.1 (Desktop clients)"),
        FIXED("Fixed redirect URI (Web application clients)");

        final String text;

        Redirect(String text) {
            this.text = text;
        }
    }

    /** The dialog's fields; the text is the label and the field's accessible name. */
    enum Field {
        NAME("Name"),
        ISSUER_URL("Issuer URL"),
        CLIENT_ID("Client ID"),
        CLIENT_SECRET("Client secret"),
        SCOPES("Scopes"),
        REDIRECT_URI("Redirect URI");

        final String text;

        Field(String text) {
            this.text = text;
        }
    }

    /** What the dialog holds, as typed. */
    record Values(Provider provider, String name, String issuerUrl, String clientId, String clientSecret,
                  String scopes, Redirect redirect, String redirectUri) {

        static Values blank() {
            return new Values(Provider.OTHER, "", "", "", "", DEFAULT_SCOPES, Redirect.ANY_FREE_PORT, "");
        }

        /** The form for editing {@code issuer}. */
        static Values of(IssuerConfig issuer) {
            RedirectSpec redirect = issuer.redirect();
            return new Values(issuer.kind() == IssuerKind.GOOGLE ? Provider.GOOGLE : Provider.OTHER,
                    issuer.name(), issuer.issuer().toString(), issuer.clientId(),
                    Objects.requireNonNullElse(issuer.clientSecret(), ""), String.join(" ", issuer.scopes()),
                    redirect.anyFreePort() ? Redirect.ANY_FREE_PORT : Redirect.FIXED,
                    redirect.anyFreePort() ? "" : "http://127.0.0.1:" + redirect.port() + redirect.path());
        }
    }

    /** Either the issuer to save, or what is wrong with each field (never both). */
    record Result(IssuerConfig issuer, Map<Field, String> errors) {
        Result {
            EnumMap<Field, String> copy = new EnumMap<>(Field.class);
            copy.putAll(errors);
            errors = Collections.unmodifiableMap(copy);
        }

        boolean valid() {
            return issuer != null;
        }
    }

    private final Set<String> takenNames;

    /** @param takenNames names already in use, which a new or renamed issuer must not take over */
    IssuerForm(Set<String> takenNames) {
        this.takenNames = Set.copyOf(takenNames);
    }

    Result check(Values values) {
        Map<Field, String> errors = new EnumMap<>(Field.class);
        String name = trim(values.name());
        nameError(name).ifPresent(error -> errors.put(Field.NAME, error));

        URI issuerUrl = IssuerKind.GOOGLE_ISSUER;
        if (values.provider() == Provider.OTHER) {
            issuerUrl = parseIssuerUrl(trim(values.issuerUrl()), errors);
        }

        String clientId = trim(values.clientId());
        if (clientId.isEmpty()) {
            errors.put(Field.CLIENT_ID, "Enter the OAuth client ID from the provider's console.");
        } else if (clientId.chars().anyMatch(Character::isWhitespace)) {
            errors.put(Field.CLIENT_ID, "A client ID has no spaces; check what was copied.");
        }

        String clientSecret = trim(values.clientSecret());
        if (values.provider() == Provider.GOOGLE && clientSecret.isEmpty()) {
            errors.put(Field.CLIENT_SECRET, "Google needs the client secret of the OAuth client, even for Desktop clients.");
        }

        List<String> scopes = parseScopes(values.scopes(), errors);
        RedirectSpec redirect = values.redirect() == Redirect.FIXED
                ? parseRedirect(trim(values.redirectUri()), errors)
                : RedirectSpec.ANY_FREE_PORT;

        if (!errors.isEmpty()) {
            return new Result(null, errors);
        }
        IssuerKind kind = values.provider() == Provider.GOOGLE ? IssuerKind.GOOGLE : IssuerKind.GENERIC;
        return new Result(new IssuerConfig(name, kind, issuerUrl, clientId, clientSecret, scopes, redirect), Map.of());
    }

    private Optional<String> nameError(String name) {
        if (name.isEmpty()) {
            return Optional.of("Enter a short name, such as google or work.");
        }
        if (IssuerRegistry.SANDBOX.equals(name)) {
            return Optional.of("\"sandbox\" is the built-in sandbox issuer; choose another name.");
        }
        if (!NAME.matcher(name).matches()) {
            return Optional.of("Use letters, digits, '.', '_' or '-' (at most 64), starting with a letter or digit.");
        }
        if (takenNames.contains(name)) {
            return Optional.of("There is already an issuer named \"" + name + "\"; choose another name.");
        }
        return Optional.empty();
    }

    private static URI parseIssuerUrl(String text, Map<Field, String> errors) {
        if (text.isEmpty()) {
            errors.put(Field.ISSUER_URL, "Enter the issuer URL, such as https://login.example.com/realms/main.");
            return null;
        }
        URI url;
        try {
            url = new URI(text);
        } catch (URISyntaxException e) {
            errors.put(Field.ISSUER_URL, "This is not a URL: " + e.getReason() + ".");
            return null;
        }
        boolean https = "https".equals(url.getScheme()) && url.getHost() != null;
        boolean loopbackHttp = "http".equals(url.getScheme()) && isLoopback(url.getHost());
        if (!https && !loopbackHttp) {
            errors.put(Field.ISSUER_URL, "The issuer URL must start with https:// (plain http only on 127.0.0.1 or"
                    + " localhost, for testing).");
            return null;
        }
        if (url.getRawQuery() != null || url.getRawFragment() != null) {
            errors.put(Field.ISSUER_URL, "The issuer URL has no query (?…) or fragment (#…).");
            return null;
        }
        return url;
    }

    private static List<String> parseScopes(String text, Map<Field, String> errors) {
        List<String> scopes = Arrays.stream(trim(text).split("[\\s,]+")).filter(s -> !s.isEmpty()).distinct().toList();
        if (!scopes.stream().allMatch(scope -> SCOPE.matcher(scope).matches())) {
            errors.put(Field.SCOPES, "Scopes are separated by spaces and contain no quotes or backslashes.");
        } else if (!scopes.contains("openid")) {
            errors.put(Field.SCOPES, "Include \"openid\": without it there is no ID token.");
        }
        return scopes;
    }

    private static RedirectSpec parseRedirect(String text, Map<Field, String> errors) {
        String shape = "The redirect URI must be http://127.0.0.1:PORT/PATH, exactly as registered with the client,"
                + " such as " + REDIRECT_EXAMPLE + ".";
        if (text.isEmpty()) {
            errors.put(Field.REDIRECT_URI, "Enter the redirect URI registered with the client, such as "
                    + REDIRECT_EXAMPLE + ".");
            return null;
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            errors.put(Field.REDIRECT_URI, shape);
            return null;
        }
        if (!"http".equals(uri.getScheme()) || !"127.0.0.1".equals(uri.getHost()) || uri.getPort() <= 0
                || uri.getPort() > 65535 || uri.getRawUserInfo() != null) {
            errors.put(Field.REDIRECT_URI, shape);
            return null;
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            errors.put(Field.REDIRECT_URI, "The redirect URI has no query (?…) or fragment (#…).");
            return null;
        }
        return new RedirectSpec(uri.getPort(), uri.getPath());
    }

    private static boolean isLoopback(String host) {
        return "127.0.0.1".equals(host) || "localhost".equals(host) || "[::1]".equals(host);
    }

    private static String trim(String text) {
        return text == null ? "" : text.strip();
    }
}
