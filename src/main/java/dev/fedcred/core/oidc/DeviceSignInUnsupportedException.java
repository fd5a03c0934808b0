package dev.fedcred.core.oidc;

import dev.fedcred.core.FedcredException;

/** The issuer's discovery document names no device_authorization_endpoint: only the browser sign-in works. */
public class DeviceSignInUnsupportedException extends FedcredException {
    /** The loopback port the suggested SSH port forward uses when the issuer has no fixed one. */
    public static final int SUGGESTED_PORT = 8400;

    public DeviceSignInUnsupportedException(IssuerConfig issuer) {
        super(messageFor(issuer));
    }

    private static String messageFor(IssuerConfig issuer) {
        int port = issuer.redirect().anyFreePort() ? SUGGESTED_PORT : issuer.redirect().port();
        String portOption = issuer.redirect().anyFreePort() ? " --port " + port : "";
        return "The issuer " + issuer.label() + " does not offer the device sign-in (its discovery document names no"
                + " device_authorization_endpoint). Sign in with the browser flow through an SSH port forward instead:"
                + " from the computer with the browser run `ssh -L " + port + ":127.0.0.1:" + port + " THIS_HOST`, in"
                + " that session run `fedcred login --issuer " + issuer.name() + " --no-browser" + portOption + "`, and"
                + " open the URL it prints in your browser (docs/cli.md, \"Signing in over SSH\").";
    }
}
