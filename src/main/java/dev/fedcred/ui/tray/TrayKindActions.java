package dev.fedcred.ui.tray;

import dev.fedcred.core.status.TargetSnapshot;
import dev.fedcred.ui.targets.TargetKind;
import java.util.List;

/** The tray's items for the other actions a target's kind offers: "Open console sandbox-aws". */
final class TrayKindActions {
    private TrayKindActions() {
    }

    static List<TrayMenuItem> items(TargetSnapshot target, TargetKind kind) {
        String name = target.target().name();
        return kind.actions().stream()
                .map(action -> TrayMenuItem.action(action.label() + " " + name, new TrayAction.KindAction(name, action)))
                .toList();
    }
}
