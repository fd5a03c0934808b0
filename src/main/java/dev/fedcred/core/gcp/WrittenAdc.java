package dev.fedcred.core.gcp;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * What {@code assume} did for a GCP target: the access token it got (proof the setup works), the
 * ADC file, the ID-token file, and until when that ID token lasts. With the file source the
 * libraries get new access tokens only while fedcred keeps that file fresh; with the executable
 * source they run the command, which renews the ID token itself.
 *
 * @param backup  the copy made now of an ADC file fedcred did not write, when {@code --force} replaced one
 * @param source  the credential source the file names
 * @param command the executable source's command; null for the file source
 */
public record WrittenAdc(GcpAccessToken token, Path adcFile, Path subjectTokenFile, Instant idTokenExpiresAt,
                         Optional<Path> backup, AdcSource source, String command) {
}
