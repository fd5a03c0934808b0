package dev.fedcred.core.oidc;

/** The small page the browser shows after it hands the sign-in back to fedcred. */
final class CallbackPage {
    private CallbackPage() {
    }

    static String render(String title, String message) {
        return """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>fedcred: %1$s</title>
                <style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;color:#1f2328}
                h1{font-size:1.4rem}</style></head>
                <body><h1>%1$s</h1><p>%2$s</p></body></html>
                """.formatted(escape(title), escape(message));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
