package dev.fedcred.ui.renewal;

import dev.fedcred.core.renewal.RenewerState;
import dev.fedcred.ui.fx.Nodes;
import java.util.Optional;
import javafx.scene.control.Label;

/**
 * Says, under the title, that another process renews the credentials: the background agent held
 * the renewer seat when the window started, so the window leaves renewal to it and takes over
 * within one check after the agent stops. Hidden while the window renews itself.
 */
public final class RenewerLine extends Label {
    public static final String BY_AGENT = "Renewed by the background agent";

    public RenewerLine() {
        setId("renewer-line");
        getStyleClass().add("renewer-line");
        Nodes.wrapFully(this);
        Nodes.hide(this);
    }

    /** Shows who renews when it is another process (FX thread). */
    public void show(Optional<RenewerState> elsewhere) {
        if (elsewhere.isEmpty()) {
            Nodes.hide(this);
            return;
        }
        RenewerState holder = elsewhere.get();
        String who = holder.isAgent() ? BY_AGENT : "Renewed by another fedcred window";
        setText(who + " (process " + holder.pid() + "); this window takes over if it stops.");
        Nodes.show(this);
    }
}
