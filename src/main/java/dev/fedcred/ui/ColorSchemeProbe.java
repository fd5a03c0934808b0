package dev.fedcred.ui;

/** Asks the operating system whether its user chose dark colours; tests answer for it. */
@FunctionalInterface
interface ColorSchemeProbe {
    /** May run programs: call it off the FX thread. False when nothing answers. */
    boolean prefersDark();
}
