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
 * fedcred's ADC files name: as {@code credential_source.file} (the file source), or as the
 * executable source's {@code output_file}, where the token waits as an executable response that
 * the libraries reuse until it is due. Google's libraries read them whenever they need a new access
 * token, so fedcred rewrites each on every sign-in and renewal of that issuer, once it exists, and
 * deletes both on sign-out (a library must not go on using a token after the user signed out).
 */
public final class SubjectTokenFiles implements IdentitySessions.Listener {
    private final Function<String, Path> fileForIssuer;
    private final Function<String, Path> responseFileForIssuer;

    public SubjectTokenFiles(Function<String, Path> fileForIssuer, Function<String, Path> responseFileForIssuer) {
        this.fileForIssuer = fileForIssuer;
        this.responseFileForIssuer = responseFileForIssuer;
    }

    public Path fileFor(String issuerName) {
        return fileForIssuer.apply(issuerName);
    }

    /** The executable source's output_file for the issuer's targets. */
    public Path responseFileFor(String issuerName) {
        return responseFileForIssuer.apply(issuerName);
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
        Path response = responseFileFor(tokens.issuerName());
        if (Files.exists(response)) {
            SecureFiles.writeAtomically(response, ExecutableResponse.success(tokens.rawIdToken(),
                    ExecutableSubjectTokens.usableUntil(tokens.expiresAt(), tokens.lifetime())).getBytes(StandardCharsets.UTF_8));
        }
    }

    @Override
    public void signedOut(String issuerName) {
        for (Path file : new Path[] {fileFor(issuerName), responseFileFor(issuerName)}) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new FedcredException("Signed out, but cannot delete the ID token copy " + file + ": " + e.getMessage()
                        + ". Delete it by hand.", e);
            }
        }
    }
}
