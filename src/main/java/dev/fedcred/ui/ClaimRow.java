package dev.fedcred.ui;

import dev.fedcred.core.text.OutsideText;

/**
 * One line of the claims or header table, already formatted for reading. Names and values are
 * the issuer's text: a control character or a bidirectional override shows as its escape.
 */
record ClaimRow(String name, String value) {
    ClaimRow {
        name = OutsideText.neutralise(name);
        value = OutsideText.neutralise(value);
    }
}
