package dev.fedcred.core.gcp;

import dev.fedcred.core.FedcredException;

/** An ADC file is there that fedcred did not write (or another target wrote), and it was not told to replace it. */
public class AdcNotManagedException extends FedcredException {
    public AdcNotManagedException(String message) {
        super(message);
    }
}
