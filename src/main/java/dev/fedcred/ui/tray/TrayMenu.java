package dev.fedcred.ui.tray;

import java.util.List;

/** Everything the tray shows: the icon's state, its tooltip and the menu, top to bottom. */
public record TrayMenu(TrayState state, String tooltip, List<TrayMenuItem> items) {
    public TrayMenu {
        items = List.copyOf(items);
    }
}
