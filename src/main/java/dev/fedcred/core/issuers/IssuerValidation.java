package dev.fedcred.core.issuers;

import dev.fedcred.core.FedcredException;
import dev.fedcred.core.ShortNames;
import dev.fedcred.core.net.LoopbackHosts;
import dev.fedcred.core.text.OutsideText;
import dev.fedcred.core.oidc.IssuerConfig;
import dev.fedcred.core.oidc.IssuerKind;
import dev.fedcred.core.oidc.RedirectSpec;
import java.net.URI;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a usable issuer is, for the CLI, the desktop dialog and the editor alike: every problem of a
 * draft, by the field it is about, or the issuer to save. Reads no file and asks no network.
 */
public final class IssuerValidation {
    public static final String REDIRECT_EXAMPLE = "http://127.0.0.1:3000/auth/google/callback";
    /** The shape of a fixed redirect: the loopback receiver listens on 127.0.0.1 only (RFC 8252, section 7.3). */
    public static final String REDIRECT_SHAPE = "The redirect URI must be http://127.0.0.1:PORT/PATH, exactly as"
            + " registered with the client, such as " + REDIRECT_EXAMPLE + ".";

    /** RFC 6749, section 3.3: a scope token is printable ASCII without space, '"' or '\'. */
    private static final Pattern SCOPE = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]+");

    private IssuerValidation() {
    }

    /**
     * The issuer {@code draft} describes, or every problem with it.
     *
     * @param namesInUse names the issuer must not take over (empty where saving replaces an issuer of the same name)
     */
    public static IssuerCheck check(IssuerDraft draft, Set<String> namesInUse) {
        Map<IssuerField, String> problems = new EnumMap<>(IssuerField.class);
        String name = strip(draft.name());
        nameProblem(name, namesInUse).ifPresent(problem -> problems.put(IssuerField.NAME, problem));

        URI issuerUrl = draft.kind() == IssuerKind.GOOGLE ? IssuerKind.GOOGLE_ISSUER : draft.issuerUrl();
        issuerUrlProblem(issuerUrl).ifPresent(problem -> problems.put(IssuerField.ISSUER_URL, problem));

        String clientId = strip(draft.clientId());
        if (clientId.isEmpty()) {
            problems.put(IssuerField.CLIENT_ID, "Enter the OAuth client ID from the provider's console.");
        } else if (clientId.chars().anyMatch(Character::isWhitespace)) {
            problems.put(IssuerField.CLIENT_ID, "A client ID has no spaces; check what was copied.");
        }

        String clientSecret = strip(draft.clientSecret());
        if (draft.kind() == IssuerKind.GOOGLE && clientSecret.isEmpty()) {
            problems.put(IssuerField.CLIENT_SECRET,
                    "Google needs the client secret of the OAuth client, even for Desktop clients.");
        }

        List<String> scopes = draft.scopes() == null ? IssuerConfig.DEFAULT_SCOPES
                : draft.scopes().stream().map(String::strip).filter(scope -> !scope.isEmpty()).distinct().toList();
        scopesProblem(scopes).ifPresent(problem -> problems.put(IssuerField.SCOPES, problem));

        RedirectSpec redirect = RedirectSpec.ANY_FREE_PORT;
        if (draft.redirectUri() != null) {
            Optional<String> problem = redirectProblem(draft.redirectUri());
            problem.ifPresent(text -> problems.put(IssuerField.REDIRECT_URI, text));
            if (problem.isEmpty()) {
                redirect = new RedirectSpec(draft.redirectUri().getPort(), draft.redirectUri().getPath());
            }
        }

        if (!problems.isEmpty()) {
            return new IssuerCheck(null, problems);
        }
        return new IssuerCheck(new IssuerConfig(name, draft.kind(), issuerUrl, clientId, clientSecret, scopes, redirect),
                Map.of());
    }

    /** Every problem of an issuer built elsewhere, such as one read from the settings. */
    public static Map<IssuerField, String> problems(IssuerConfig issuer, Set<String> namesInUse) {
        return check(IssuerDraft.of(issuer), namesInUse).problems();
    }

    /** Throws every problem of {@code issuer} at once, one sentence a line. */
    public static void validate(IssuerConfig issuer, Set<String> namesInUse) {
        Map<IssuerField, String> problems = problems(issuer, namesInUse);
        if (!problems.isEmpty()) {
            throw new FedcredException(String.join("\n", problems.values()));
        }
    }

    private static Optional<String> nameProblem(String name, Set<String> namesInUse) {
        if (name.isEmpty()) {
            return Optional.of("Enter a short name, such as google or work.");
        }
        if (IssuerRegistry.SANDBOX.equals(name)) {
            return Optional.of("\"sandbox\" is the built-in sandbox issuer; choose another name.");
        }
        if (!ShortNames.isUsable(name)) {
            return Optional.of(OutsideText.quoted(name) + " is not a usable issuer name: use " + ShortNames.RULE + ".");
        }
        if (namesInUse.contains(name)) {
            return Optional.of("There is already an issuer named " + OutsideText.quoted(name) + "; choose another name.");
        }
        return Optional.empty();
    }

    private static Optional<String> issuerUrlProblem(URI url) {
        if (url == null) {
            return Optional.of("Enter the issuer URL, such as https://login.example.com/realms/main.");
        }
        if (!LoopbackHosts.isHttpsOrLoopbackHttp(url)) {
            return Optional.of("The issuer URL must use https:// (plain http only on " + LoopbackHosts.NAMES
                    + ", for testing).");
        }
        if (url.getRawQuery() != null || url.getRawFragment() != null) {
            return Optional.of("The issuer URL has no query (?…) or fragment (#…).");
        }
        return Optional.empty();
    }

    private static Optional<String> scopesProblem(List<String> scopes) {
        if (!scopes.stream().allMatch(scope -> SCOPE.matcher(scope).matches())) {
            return Optional.of("Scopes are separated by spaces and contain no quotes or backslashes.");
        }
        if (!scopes.contains("openid")) {
            return Optional.of("Include \"openid\": without it there is no ID token.");
        }
        return Optional.empty();
    }

    private static Optional<String> redirectProblem(URI uri) {
        if (!"http".equals(uri.getScheme()) || !"127.0.0.1".equals(uri.getHost()) || uri.getPort() <= 0
                || uri.getPort() > 65535 || uri.getRawUserInfo() != null) {
            return Optional.of(REDIRECT_SHAPE);
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return Optional.of("The redirect URI has no query (?…) or fragment (#…).");
        }
        return Optional.empty();
    }

    private static String strip(String text) {
        return Objects.requireNonNullElse(text, "").strip();
    }
}
