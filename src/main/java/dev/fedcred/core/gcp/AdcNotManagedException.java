package dev.fedcred.core.gcp;

import dev.fedcred.core.targets.NotWrittenByFedcredException;
import java.nio.file.Path;

/** An ADC file is there that fedcred did not write (or another target wrote), and it was not told to replace it. */
public class AdcNotManagedException extends NotWrittenByFedcredException {
    public AdcNotManagedException(String message, Path file) {
        super(message, file);
    }
}
