package dev.fedcred.ui.tray;

/** What a tray menu item does. */
public sealed interface TrayAction {

    /** Assume the role or get the GCP credentials of the target, or renew them. */
    record GetCredentials(String target) implements TrayAction {
    }

    /** One of the other actions the target's kind offers, such as opening the AWS console. */
    record KindAction(String target, dev.fedcred.core.targets.TargetAction action) implements TrayAction {
    }

    /** The browser sign-in of the issuer, started in the window. */
    record SignIn(String issuer) implements TrayAction {
    }

    record OpenWindow() implements TrayAction {
    }

    record Quit() implements TrayAction {
    }
}
