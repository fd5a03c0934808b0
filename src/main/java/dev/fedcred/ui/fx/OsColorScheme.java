package dev.fedcred.ui.fx;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The operating system's colour scheme, as its own tools report it: GNOME's {@code color-scheme}
 * (with a GTK theme named "...dark" as the fallback) on Linux, {@code AppleInterfaceStyle} on
 * macOS, {@code AppsUseLightTheme} on Windows. Each program gets a short time to answer; no
 * answer means light.
 */
public final class OsColorScheme implements ColorSchemeProbe {
    static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final String GNOME_INTERFACE = "org.gnome.desktop.interface";
    private static final String WINDOWS_PERSONALIZE = "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize";

    /** Runs a program and gives its standard output, or nothing when it fails or takes too long. */
    @FunctionalInterface
    interface Command {
        Optional<String> output(List<String> commandLine);
    }

    private final String osName;
    private final Command command;

    OsColorScheme(String osName, Command command) {
        this.osName = osName.toLowerCase(Locale.ROOT);
        this.command = command;
    }

    public static OsColorScheme ofThisMachine() {
        return new OsColorScheme(System.getProperty("os.name", ""), ofThisMachineCommand());
    }

    /** Runs the program for real, with {@link #TIMEOUT}. */
    static Command ofThisMachineCommand() {
        return OsColorScheme::run;
    }

    @Override
    public boolean prefersDark() {
        if (osName.contains("mac")) {
            // the key exists only in dark mode, and then says "Dark"
            return command.output(List.of("defaults", "read", "-g", "AppleInterfaceStyle"))
                    .map(style -> style.strip().equalsIgnoreCase("dark")).orElse(false);
        }
        if (osName.contains("win")) {
            return command.output(List.of("reg", "query", WINDOWS_PERSONALIZE, "/v", "AppsUseLightTheme"))
                    .map(OsColorScheme::windowsAppsUseDark).orElse(false);
        }
        Optional<String> scheme = command.output(List.of("gsettings", "get", GNOME_INTERFACE, "color-scheme"));
        if (scheme.isPresent() && scheme.get().contains("prefer-dark")) {
            return true;
        }
        if (scheme.isPresent() && scheme.get().contains("prefer-light")) {
            return false;
        }
        // 'default', or a desktop older than GNOME 42: the theme's name is the best hint
        return command.output(List.of("gsettings", "get", GNOME_INTERFACE, "gtk-theme"))
                .map(theme -> theme.toLowerCase(Locale.ROOT).contains("dark")).orElse(false);
    }

    /** "    AppsUseLightTheme    REG_DWORD    0x0" means dark. */
    private static boolean windowsAppsUseDark(String output) {
        return output.lines().filter(line -> line.contains("AppsUseLightTheme"))
                .anyMatch(line -> line.strip().endsWith("0x0"));
    }

    private static Optional<String> run(List<String> commandLine) {
        Process process;
        try {
            process = new ProcessBuilder(commandLine).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException notInstalled) {
            return Optional.empty();
        }
        try (InputStream out = process.getInputStream()) {
            process.getOutputStream().close();
            if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            String text = new String(out.readAllBytes(), StandardCharsets.UTF_8);
            return process.exitValue() == 0 ? Optional.of(text) : Optional.empty();
        } catch (IOException e) {
            process.destroyForcibly();
            return Optional.empty();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
