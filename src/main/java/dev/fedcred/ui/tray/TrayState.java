package dev.fedcred.ui.tray;

/**
 * What the tray icon says at a glance. Each state has its own badge shape (none, a check, a clock,
 * a cross), so it reads without colour too; the worst session decides.
 */
public enum TrayState {
    /** No sign-in and no credentials fedcred wrote: the plain grey mark. */
    SIGNED_OUT("signed-out", "not signed in"),
    /** Every session has more than the renewal lead left: a green check. */
    SIGNED_IN("signed-in", "signed in"),
    /** A session is within the renewal lead and was not renewed (yet): an amber clock. */
    EXPIRING("expiring", "expiring soon"),
    /** A sign-in or credentials in a file have expired: a red cross. */
    EXPIRED("expired", "expired");

    private final String iconName;
    private final String words;

    TrayState(String iconName, String words) {
        this.iconName = iconName;
        this.words = words;
    }

    /** The icon's file name part: icons/tray/tray-NAME-SIZE.png. */
    public String iconName() {
        return iconName;
    }

    /** The state in words, for the tooltip. */
    public String words() {
        return words;
    }
}
