package dev.fedcred.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What each operating system's own tool answers, and what fedcred makes of it; no answer means light. */
class OsColorSchemeTest {
    private final List<List<String>> asked = new ArrayList<>();

    private OsColorScheme on(String os, Map<String, String> answers) {
        return new OsColorScheme(os, commandLine -> {
            asked.add(commandLine);
            return Optional.ofNullable(answers.get(commandLine.get(commandLine.size() - 1)));
        });
    }

    @Test
    void gnomeColorSchemeDecidesOnLinux() {
        assertThat(on("Linux", Map.of("color-scheme", "'prefer-dark'\n")).prefersDark()).isTrue();
        assertThat(on("Linux", Map.of("color-scheme", "'prefer-light'\n", "gtk-theme", "'Adwaita-dark'")).prefersDark())
                .isFalse();
        assertThat(asked.get(0)).containsExactly("gsettings", "get", "org.gnome.desktop.interface", "color-scheme");
    }

    @Test
    void aDarkGtkThemeIsTheFallbackWhenTheSchemeSaysDefault() {
        assertThat(on("Linux", Map.of("color-scheme", "'default'\n", "gtk-theme", "'Adwaita-dark'\n")).prefersDark())
                .isTrue();
        assertThat(on("Linux", Map.of("gtk-theme", "'Yaru-Dark'\n")).prefersDark()).isTrue();
        assertThat(on("Linux", Map.of("gtk-theme", "'Adwaita'\n")).prefersDark()).isFalse();
    }

    @Test
    void macOsAnswersDarkOnlyInDarkMode() {
        assertThat(on("Mac OS X", Map.of("AppleInterfaceStyle", "Dark\n")).prefersDark()).isTrue();
        // in light mode the key does not exist and `defaults` fails
        assertThat(on("Mac OS X", Map.of()).prefersDark()).isFalse();
        assertThat(asked.get(0)).containsExactly("defaults", "read", "-g", "AppleInterfaceStyle");
    }

    @Test
    void windowsAppsUseLightThemeZeroMeansDark() {
        String dark = "\r\nHKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize\r\n"
                + "    AppsUseLightTheme    REG_DWORD    0x0\r\n\r\n";
        assertThat(on("Windows 11", Map.of("AppsUseLightTheme", dark)).prefersDark()).isTrue();
        assertThat(on("Windows 11", Map.of("AppsUseLightTheme", dark.replace("0x0", "0x1"))).prefersDark()).isFalse();
    }

    @Test
    void nothingAnsweringMeansLight() {
        assertThat(on("Linux", Map.of()).prefersDark()).isFalse();
        assertThat(on("FreeBSD", Map.of()).prefersDark()).isFalse();
    }

    @Test
    void aProgramThatIsNotInstalledIsNoAnswer() {
        OsColorScheme.Command real = OsColorScheme.ofThisMachineCommand();
        assertThat(real.output(List.of("fedcred-no-such-program-" + System.nanoTime()))).isEmpty();
        assertThat(real.output(List.of("sh", "-c", "echo dark"))).contains("dark\n");
        assertThat(real.output(List.of("sh", "-c", "exit 3"))).isEmpty();
    }
}
