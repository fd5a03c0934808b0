package dev.fedcred.core.gcp;

import dev.fedcred.core.FedcredException;
import dev.fedcred.core.files.SecureFiles;
import dev.fedcred.core.oidc.TokenSet;
import dev.fedcred.core.session.IdentitySessions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * The files holding each issuer's current ID token (0600, in fedcred's state directory) that
 * fedcred's ADC files name as {@code credential_source.file}. Google's libraries read the file
 * whenever they need a new access token, so fedcred rewrites it on every sign-in and renewal of
 * that issuer, once an assume has created it, and deletes it on sign-out.
 */
public final class SubjectTokenFiles implements IdentitySessions.Listener {
    private final Function<String, Path> fileForIssuer;

    public SubjectTokenFiles(Function<String, Path> fileForIssuer) {
        this.fileForIssuer = fileForIssuer;
    }

    public Path fileFor(String issuerName) {
        return fileForIssuer.apply(issuerName);
    }

    /** Writes the ID token for the ADC file to read. */
    public Path write(TokenSet tokens) {
        Path file = fileFor(tokens.issuerName());
        SecureFiles.writeAtomically(file, tokens.rawIdToken().getBytes(StandardCharsets.US_ASCII));
        return file;
    }

    @Override
    public void tokensSaved(TokenSet tokens) {
        if (Files.exists(fileFor(tokens.issuerName()))) {
            write(tokens);
        }
    }

    @Override
    public void signedOut(String issuerName) {
        Path file = fileFor(issuerName);
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new FedcredException("Signed out, but cannot delete the ID token copy " + file + ": " + e.getMessage()
                    + ". Delete it by hand.", e);
        }
    }
}
