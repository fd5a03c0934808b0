package dev.fedcred.core.aws;

import dev.fedcred.core.aws.console.ConsoleLink;
import dev.fedcred.core.targets.TargetAction;

/** The "Open console" action every AWS kind offers on its row and in the tray, and what it does. */
public final class AwsConsoleAction {
    /** The action's id. */
    static final String ID = "open-console";

    private AwsConsoleAction() {
    }

    /** The action as the row and the tray show it, for the role {@code roleArn}. */
    public static TargetAction of(String roleArn) {
        String role = AwsRoleRow.roleName(roleArn);
        return new TargetAction(ID, "Open console", "Open the AWS console as " + role,
                "Opening the AWS console as " + role + "…");
    }

    static TargetAction.Done perform(AwsConsoleSignIn signIn, AwsSessions.AwsSession session) {
        ConsoleLink link = signIn.link(session, null, null);
        return new TargetAction.Done("Opened the AWS console as " + AwsRoleRow.roleName(session.consoleRole().roleArn())
                + " in your browser.", link.url());
    }
}
