package dev.fedcred.core.gcp;

import dev.fedcred.core.text.OutsideText;
import java.util.Arrays;

/**
 * Where the ADC file tells Google's libraries to get the ID token they exchange.
 * <ul>
 * <li>{@link #EXECUTABLE}: they run {@code fedcred gcp subject-token TARGET}, which renews the ID
 * token through the refresh token when due, so the file works as long as the refresh token does,
 * whether or not fedcred's window is open. Google's libraries and gcloud run it only with
 * {@code GOOGLE_EXTERNAL_ACCOUNT_ALLOW_EXECUTABLES=1} in their environment.</li>
 * <li>{@link #FILE}: they read the ID-token file fedcred rewrites on each renewal; it goes stale an
 * ID-token lifetime (an hour at Google) after the last renewal, unless the app or
 * {@code fedcred refresh} keeps renewing.</li>
 * </ul>
 * A third value, a file kept fresh by a background agent, can join these.
 */
public enum AdcSource {
    EXECUTABLE("executable"),
    FILE("file");

    public static final String SETTING = "adc_source";

    private final String word;

    AdcSource(String word) {
        this.word = word;
    }

    /** Its word in settings.json and on the command line. */
    public String word() {
        return word;
    }

    /** @throws IllegalArgumentException naming the words there are */
    public static AdcSource parse(String text) {
        return Arrays.stream(values()).filter(source -> source.word.equalsIgnoreCase(text.strip())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(OutsideText.quoted(text) + " is not an ADC source; use "
                        + EXECUTABLE.word + " or " + FILE.word));
    }
}
