package dev.fedcred.ui.fx;

import javafx.scene.control.ButtonType;

/** A question with one button that goes ahead and a Cancel that does nothing; {@link ConfirmationAlert} shows it. */
public record Confirmation(String title, String text, ButtonType proceed, String proceedAccessibleText,
                           String cancelAccessibleText) {
}
