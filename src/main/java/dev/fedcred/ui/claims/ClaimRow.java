package dev.fedcred.ui.claims;

import dev.fedcred.core.text.OutsideText;

/**
 * One line of the claims or header table, already formatted for reading. Names and values are
 * the issuer's text: a control character or a bidirectional override shows as its escape.
 */
public record ClaimRow(String name, String value) {
    public ClaimRow {
        name = OutsideText.neutralise(name);
        value = OutsideText.neutralise(value);
    }
}
