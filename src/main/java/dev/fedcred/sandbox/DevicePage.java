package dev.fedcred.sandbox;

import java.util.Set;
import java.util.TreeSet;

/**
 * The device grant's verification page (RFC 8628 section 3.3): a form to type the user code, then
 * the same approve-or-deny choice as the browser sign-in page, then a page that sends the user back
 * to their device. Every interpolated value is escaped.
 */
final class DevicePage {

    private DevicePage() {
    }

    static String enterCode(String problem) {
        String notice = problem == null ? "" : "<p class=\"banner\">" + SignInPage.escape(problem) + "</p>";
        return SignInPage.page("Enter your code \u2014 " + SignInPage.LABEL, """
                <h1>Sign in on another device</h1>
                %s
                <p class="muted">Enter the code your device shows.</p>
                <form method="get" action="%s">
                  <input name="user_code" autocomplete="off" autofocus placeholder="XXXX-XXXX">
                  <button type="submit">Next</button>
                </form>
                """.formatted(notice, DeviceEndpoint.VERIFICATION_PATH));
    }

    static String approve(String userCode, String clientId, Set<String> scopes) {
        return SignInPage.page("Sign in \u2014 " + SignInPage.LABEL, """
                <h1>Sign in on your device</h1>
                <p class="muted">A device showing the code <code>%s</code> asks, for application <code>%s</code>,
                   to sign you in and to see: <code>%s</code>. Approve only if you started this sign-in.</p>
                <div class="user">
                  <strong>%s</strong><br>%s<br><span class="muted">subject %s</span>
                </div>
                <form method="post" action="%s">
                  <input type="hidden" name="user_code" value="%s">
                  <button type="submit" name="decision" value="approve">Sign in as %s</button>
                  <button type="submit" name="decision" value="deny">Deny</button>
                </form>
                """.formatted(
                SignInPage.escape(userCode),
                SignInPage.escape(clientId),
                SignInPage.escape(String.join(" ", new TreeSet<>(scopes))),
                SignInPage.escape(SandboxUser.NAME),
                SignInPage.escape(SandboxUser.EMAIL),
                SignInPage.escape(SandboxUser.SUBJECT),
                DeviceEndpoint.DECISION_PATH,
                SignInPage.escape(userCode),
                SignInPage.escape(SandboxUser.NAME)));
    }

    static String decided(boolean approved) {
        return SignInPage.page((approved ? "Signed in" : "Denied") + " \u2014 " + SignInPage.LABEL, approved
                ? "<h1>Signed in</h1><p>Return to your device; it finishes the sign-in by itself.</p>"
                : "<h1>Sign-in denied</h1><p>Your device is told that you said no.</p>");
    }
}
