package dev.fedcred.ui.app;

import dev.fedcred.ui.claims.RawTokenCopy;
import dev.fedcred.ui.claims.TokenClipboard;
import dev.fedcred.ui.fx.ColorSchemeProbe;
import dev.fedcred.ui.fx.FileChooserPicker;
import dev.fedcred.ui.fx.FilePicker;
import dev.fedcred.ui.fx.Later;
import dev.fedcred.ui.fx.OsColorScheme;
import java.time.Duration;

/**
 * The parts of the desktop that tests replace: how the OS colour scheme is read, the clipboard a
 * copied ID token goes to, how long it stays there and what runs its clear, and the dialog that
 * asks for a file.
 */
record DesktopHooks(ColorSchemeProbe colorScheme, TokenClipboard clipboard, Duration clipboardClearAfter,
                    Later clipboardTimer, FilePicker filePicker) {

    DesktopHooks(ColorSchemeProbe colorScheme, TokenClipboard clipboard, Duration clipboardClearAfter) {
        this(colorScheme, clipboard, clipboardClearAfter, new FileChooserPicker());
    }

    /** The clipboard's clear runs on the FX thread's timer. */
    DesktopHooks(ColorSchemeProbe colorScheme, TokenClipboard clipboard, Duration clipboardClearAfter,
                 FilePicker filePicker) {
        this(colorScheme, clipboard, clipboardClearAfter, Later.onFxThread(), filePicker);
    }

    static DesktopHooks system() {
        return new DesktopHooks(OsColorScheme.ofThisMachine(), TokenClipboard.system(), RawTokenCopy.CLEAR_AFTER);
    }

    DesktopHooks withFilePicker(FilePicker picker) {
        return new DesktopHooks(colorScheme, clipboard, clipboardClearAfter, clipboardTimer, picker);
    }

    DesktopHooks withClipboardTimer(Later timer) {
        return new DesktopHooks(colorScheme, clipboard, clipboardClearAfter, timer, filePicker);
    }
}
