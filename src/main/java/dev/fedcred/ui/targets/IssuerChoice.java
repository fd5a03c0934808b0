package dev.fedcred.ui.targets;

/** One entry of a target dialog's issuer choice; an empty name is the default issuer. */
public record IssuerChoice(String name, String text) {
    @Override
    public String toString() {
        return text;
    }
}
