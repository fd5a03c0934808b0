package dev.fedcred.ui.tray;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Tray labels and the tooltip name issuers and targets from settings.json: nothing in them acts on the desktop. */
class TrayTextTest {
    @Test
    void labelsAndTooltipShowControlCharactersEscaped() {
        TrayMenuItem item = TrayMenuItem.info("Signed in to work\u202E\u0085");
        TrayMenu menu = new TrayMenu(TrayState.SIGNED_IN, "fedcred: work\u001b[2J", List.of(item, TrayMenuItem.SEPARATOR));
        assertThat(menu.items().get(0).label()).isEqualTo("Signed in to work\\u202E\\u0085");
        assertThat(menu.tooltip()).isEqualTo("fedcred: work\\u001B[2J");
        assertThat(menu.items().get(1).isSeparator()).isTrue();
    }
}
