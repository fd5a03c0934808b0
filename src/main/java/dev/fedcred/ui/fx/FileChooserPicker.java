package dev.fedcred.ui.fx;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The system's own save dialog, through JavaFX's FileChooser. */
public final class FileChooserPicker implements FilePicker {

    @Override
    public Optional<Path> fileToWrite(Window owner, String title, Path suggested) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("JSON files", "*.json"),
                new FileChooser.ExtensionFilter("All files", "*"));
        if (suggested != null) {
            Path folder = suggested.getParent();
            if (folder != null && Files.isDirectory(folder)) {
                chooser.setInitialDirectory(folder.toFile());
            }
            if (suggested.getFileName() != null) {
                chooser.setInitialFileName(suggested.getFileName().toString());
            }
        }
        File chosen = chooser.showSaveDialog(owner);
        return Optional.ofNullable(chosen).map(File::toPath);
    }
}
