package dev.fedcred.ui;

/** One line of the claims or header table, already formatted for reading. */
record ClaimRow(String name, String value) {
}
