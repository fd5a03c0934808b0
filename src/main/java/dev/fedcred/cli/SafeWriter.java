package dev.fedcred.cli;

import dev.fedcred.core.text.OutsideText;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * A writer that escapes, on the way to {@code target}, every character {@link OutsideText} escapes
 * except line breaks. Apart from {@link Terminal} it serves the cached credential_process answer,
 * which is printed before picocli is loaded: this class must not refer to picocli.
 */
final class SafeWriter extends Writer {
    private final PrintWriter target;

    private SafeWriter(PrintWriter target) {
        this.target = target;
    }

    /** {@code target} made safe; flushing flushes it, closing leaves it open for its owner. */
    static PrintWriter of(PrintWriter target) {
        return new PrintWriter(new SafeWriter(target), true);
    }

    @Override
    public void write(char[] text, int offset, int length) {
        target.write(OutsideText.neutraliseKeepingLineBreaks(new String(text, offset, length)));
    }

    @Override
    public void write(String text, int offset, int length) {
        target.write(OutsideText.neutraliseKeepingLineBreaks(text.substring(offset, offset + length)));
    }

    @Override
    public void flush() {
        target.flush();
    }

    @Override
    public void close() {
        target.flush();
    }
}
