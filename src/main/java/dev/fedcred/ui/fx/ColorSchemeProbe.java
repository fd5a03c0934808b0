package dev.fedcred.ui.fx;

/** Asks the operating system whether its user chose dark colours; tests answer for it. */
@FunctionalInterface
public interface ColorSchemeProbe {
    /** May run programs: call it off the FX thread. False when nothing answers. */
    boolean prefersDark();
}
