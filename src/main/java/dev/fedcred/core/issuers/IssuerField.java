package dev.fedcred.core.issuers;

/** The settings of an issuer, so a problem can be shown beside (or printed with) the one it is about. */
public enum IssuerField {
    NAME,
    ISSUER_URL,
    CLIENT_ID,
    CLIENT_SECRET,
    SCOPES,
    REDIRECT_URI
}
