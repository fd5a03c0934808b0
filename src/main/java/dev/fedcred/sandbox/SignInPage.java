package dev.fedcred.sandbox;

import java.net.URI;
import java.util.TreeSet;

/**
 * The HTML the browser shows: a one-click sign-in page and an error page. Deliberately plain and
 * labelled so nobody mistakes it for a real identity provider. Every interpolated value is
 * escaped, since some come from the request.
 */
final class SignInPage {

    static final String LABEL = "fedcred sandbox \u2014 not a real identity provider";
    static final String DECISION_PATH = "/authorize/decision";

    private static final String STYLE = """
            body { font-family: system-ui, sans-serif; max-width: 32rem; margin: 3rem auto; padding: 0 1rem; color: #222; }
            .banner { background: #fff3cd; border: 1px solid #e0c36a; padding: .5rem .75rem; border-radius: 4px; }
            .user { border: 1px solid #ccc; border-radius: 4px; padding: .75rem; margin: 1rem 0; }
            .muted { color: #666; font-size: .9rem; }
            button { font-size: 1rem; padding: .5rem 1rem; margin-right: .5rem; cursor: pointer; }
            """;

    private SignInPage() {
    }

    static String signIn(String pendingId, AuthorizationRequest request) {
        return page("Sign in \u2014 " + LABEL, """
                <h1>Sign in</h1>
                <p class="muted">Application <code>%s</code> asks to sign you in and to see: <code>%s</code>.
                   You will be sent back to <code>%s</code>.</p>
                <div class="user">
                  <strong>%s</strong><br>%s<br><span class="muted">subject %s</span>
                </div>
                <form method="post" action="%s">
                  <input type="hidden" name="request" value="%s">
                  <button type="submit" name="decision" value="approve">Sign in as %s</button>
                  <button type="submit" name="decision" value="deny">Deny</button>
                </form>
                """.formatted(
                escape(request.clientId()),
                escape(String.join(" ", new TreeSet<>(request.grantedScopes()))),
                escape(originOf(request.redirectUri())),
                escape(SandboxUser.NAME),
                escape(SandboxUser.EMAIL),
                escape(SandboxUser.SUBJECT),
                DECISION_PATH,
                escape(pendingId),
                escape(SandboxUser.NAME)));
    }

    static String error(String message) {
        return page("Error \u2014 " + LABEL, """
                <h1>Sign-in request rejected</h1>
                <p>%s</p>
                <p class="muted">The sandbox did not redirect back to the application, because the request
                   could not be trusted to say where to go.</p>
                """.formatted(escape(message)));
    }

    static String page(String title, String body) {
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head><meta charset="utf-8"><title>%s</title><style>%s</style></head>
                <body>
                <p class="banner"><strong>%s</strong></p>
                %s</body>
                </html>
                """.formatted(escape(title), STYLE, escape(LABEL), body);
    }

    /** Only scheme, host and port: the path and query of the redirect URI are the client's business. */
    private static String originOf(String redirectUri) {
        URI uri = URI.create(redirectUri);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
