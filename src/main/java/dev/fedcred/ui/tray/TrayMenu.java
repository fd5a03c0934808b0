package dev.fedcred.ui.tray;

import dev.fedcred.core.text.OutsideText;
import java.util.List;

/** Everything the tray shows: the icon's state, its tooltip and the menu, top to bottom. */
public record TrayMenu(TrayState state, String tooltip, List<TrayMenuItem> items) {
    public TrayMenu {
        tooltip = OutsideText.neutralise(tooltip);
        items = List.copyOf(items);
    }
}
