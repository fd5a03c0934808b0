package dev.fedcred.ui.issuers;

import dev.fedcred.core.issuers.IssuerCheck;
import dev.fedcred.core.issuers.IssuerDraft;
import dev.fedcred.core.issuers.IssuerField;
import dev.fedcred.core.issuers.IssuerValidation;
import dev.fedcred.core.oidc.IssuerConfig;
import dev.fedcred.core.oidc.IssuerKind;
import dev.fedcred.core.oidc.RedirectSpec;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The issuer dialog without JavaFX: turns what the user typed into an {@link IssuerConfig} or into
 * one message per field that is wrong. Only reading the text is here (URLs that do not parse, scopes
 * split at spaces); what a valid issuer is comes from core's {@link IssuerValidation}, as for the CLI.
 */
public final class IssuerForm {
    static final String DEFAULT_SCOPES = String.join(" ", IssuerConfig.DEFAULT_SCOPES);

    public enum Provider {
        GOOGLE("Google"),
        OTHER("Other OpenID Connect provider");

        public final String text;

        Provider(String text) {
            this.text = text;
        }
    }

    public enum Redirect {
        ANY_FREE_PORT("Any free port on 127.0.0.1 (Desktop clients)"),
        FIXED("Fixed redirect URI (Web application clients)");

        public final String text;

        Redirect(String text) {
            this.text = text;
        }
    }

    /** A field's label, which is also its accessible name. */
    static String label(IssuerField field) {
        return switch (field) {
            case NAME -> "Name";
            case ISSUER_URL -> "Issuer URL";
            case CLIENT_ID -> "Client ID";
            case CLIENT_SECRET -> "Client secret";
            case SCOPES -> "Scopes";
            case REDIRECT_URI -> "Redirect URI";
        };
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
                    redirect.anyFreePort() ? "" : IssuerDraft.redirectUri(redirect).toString());
        }
    }

    private final Set<String> takenNames;

    /** @param takenNames names already in use, which a new or renamed issuer must not take over */
    IssuerForm(Set<String> takenNames) {
        this.takenNames = Set.copyOf(takenNames);
    }

    /** Reads the typed text, then lets core's rules decide; a text that does not parse says so instead. */
    IssuerCheck check(Values values) {
        Map<IssuerField, String> unreadable = new EnumMap<>(IssuerField.class);
        IssuerKind kind = values.provider() == Provider.GOOGLE ? IssuerKind.GOOGLE : IssuerKind.GENERIC;
        URI issuerUrl = kind == IssuerKind.GOOGLE ? null : parse(values.issuerUrl(), IssuerField.ISSUER_URL,
                reason -> "This is not a URL: " + reason + ".", unreadable);
        URI redirectUri = null;
        if (values.redirect() == Redirect.FIXED) {
            if (trim(values.redirectUri()).isEmpty()) {
                unreadable.put(IssuerField.REDIRECT_URI, "Enter the redirect URI registered with the client, such as "
                        + IssuerValidation.REDIRECT_EXAMPLE + ".");
            } else {
                redirectUri = parse(values.redirectUri(), IssuerField.REDIRECT_URI,
                        reason -> IssuerValidation.REDIRECT_SHAPE, unreadable);
            }
        }
        List<String> scopes = Arrays.stream(trim(values.scopes()).split("[\\s,]+")).toList();
        IssuerCheck check = IssuerValidation.check(new IssuerDraft(kind, values.name(), issuerUrl, values.clientId(),
                values.clientSecret(), scopes, redirectUri), takenNames);
        if (unreadable.isEmpty()) {
            return check;
        }
        Map<IssuerField, String> problems = new EnumMap<>(IssuerField.class);
        problems.putAll(check.problems());
        problems.putAll(unreadable);
        return new IssuerCheck(null, problems);
    }

    /** Null when empty (core asks for it) or when it does not parse (then {@code unreadable} says why). */
    private static URI parse(String text, IssuerField field, UnaryOperator<String> problemForReason,
                             Map<IssuerField, String> unreadable) {
        String trimmed = trim(text);
        if (trimmed.isEmpty()) {
            return null;
        }
        try {
            return new URI(trimmed);
        } catch (URISyntaxException e) {
            unreadable.put(field, problemForReason.apply(e.getReason()));
            return null;
        }
    }

    private static String trim(String text) {
        return text == null ? "" : text.strip();
    }
}
