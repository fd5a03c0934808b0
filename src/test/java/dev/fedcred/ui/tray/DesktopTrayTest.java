package dev.fedcred.ui.tray;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedcred.FedcredContext;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parts of the system tray that need no tray host: the no-tray path, and the icons the app carries. */
class DesktopTrayTest {
    @TempDir
    Path home;

    @Test
    void withoutATrayThereIsNoIconAndTheAppRunsAsBefore() {
        // the tests run headless, as a desktop without a tray host reports too
        assertThat(SystemTrayIcon.supported()).isFalse();
        FedcredContext context = new FedcredContext(Map.of("FEDCRED_HOME", home.toString()), Clock.systemUTC(),
                uri -> false);

        assertThat(DesktopTray.install(context, context.liveStatus(), new TrayHost() {
            @Override
            public void showWindow() {
            }

            @Override
            public void signIn(String issuerName) {
            }

            @Override
            public void quit() {
            }
        })).isEmpty();
    }

    @Test
    void everyStateHasAnIconInEverySizeTraysUse() {
        for (TrayState state : TrayState.values()) {
            for (int size : SystemTrayIcon.SIZES) {
                BufferedImage image = (BufferedImage) SystemTrayIcon.image(state, size);
                assertThat(image.getWidth()).as(state + " at " + size).isEqualTo(size);
                assertThat(image.getHeight()).as(state + " at " + size).isEqualTo(size);
                assertThat(image.getColorModel().hasAlpha()).as("rounded corners show the panel").isTrue();
            }
        }
    }
}
