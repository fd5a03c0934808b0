package dev.fedcred.ui.fx;

import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.Window;

/** Asks the user for a file; the desktop uses the system's file chooser, tests answer themselves. */
public interface FilePicker {

    /**
     * A file to write, which need not exist yet.
     *
     * @param suggested the file to start from; null for none
     * @return empty when the user cancelled
     */
    Optional<Path> fileToWrite(Window owner, String title, Path suggested);
}
