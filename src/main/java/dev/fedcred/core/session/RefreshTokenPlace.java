package dev.fedcred.core.session;

/** Where an issuer's refresh token is, as fedcred's own records say, without asking the keychain. */
public enum RefreshTokenPlace {
    TOKEN_FILE,
    KEYCHAIN,
    /** This process's memory only: the setting is on and the keychain did not take it. */
    MEMORY,
    /** The issuer gave none. */
    NONE
}
