package dev.fedcred.core.aws;

import dev.fedcred.core.text.OutsideText;

/**
 * An error reply of STS, whoever read it: the AWS SDK (chained roles) or {@link WebIdentityStsClient}.
 *
 * @param status  the HTTP status
 * @param code    STS's error code, or null when the reply carried none (not an STS error document)
 * @param message STS's error message as sent, or null
 */
public record StsRefusal(int status, String code, String message) {
    public StsRefusal {
        code = code == null || code.isBlank() ? null : code;
    }

    /** " (STS: Code: message)", neutralised and cut, to append to a message. */
    public String said() {
        return " (STS: " + OutsideText.shown(code) + ": " + shownMessage() + ")";
    }

    /** STS's message, neutralised and cut ("" when it sent none). */
    public String shownMessage() {
        return OutsideText.shown(message == null ? "" : message);
    }
}
