package dev.fedcred.ui.targets;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.FedcredException;
import dev.fedcred.core.targets.Target;
import dev.fedcred.core.targets.TargetAction;
import java.net.URI;
import java.util.Optional;

/**
 * Runs one of the actions a kind offers besides getting and removing credentials (the AWS
 * console), for a target's row and for the tray alike: the kind does the work, and a page it
 * hands back opens in the user's browser. That page may be a credential (a console login URL):
 * it goes to the browser and nowhere else. Background work: never on the FX or AWT thread.
 */
public final class TargetActions {
    private TargetActions() {
    }

    /** @return the notice to show, never a secret */
    public static String perform(FedcredContext context, Target target, TargetAction action) {
        TargetAction.Done done = context.kinds().of(target).perform(action.id());
        Optional<URI> page = done.browse();
        if (page.isPresent() && !context.browser().open(page.get())) {
            throw new FedcredException("No browser could be started to open it. Check that a default browser is set"
                    + " (xdg-open on Linux), then try again.");
        }
        return done.notice();
    }
}
