package dev.fedcred.ui;

import java.time.Duration;

/**
 * The parts of the desktop that tests replace: how the OS colour scheme is read, the clipboard a
 * copied ID token goes to, and how long it stays there.
 */
record DesktopHooks(ColorSchemeProbe colorScheme, TokenClipboard clipboard, Duration clipboardClearAfter) {

    static DesktopHooks system() {
        return new DesktopHooks(OsColorScheme.ofThisMachine(), TokenClipboard.system(), RawTokenCopy.CLEAR_AFTER);
    }
}
