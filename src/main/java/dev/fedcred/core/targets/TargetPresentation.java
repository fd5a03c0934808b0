package dev.fedcred.core.targets;

import dev.fedcred.core.text.OutsideText;
import java.util.List;

/**
 * What the desktop window's row says about one target, as plain text the UI renders: the kind
 * brings its own words, so a new kind needs no row code. Never a secret. The words carry the
 * target's settings, which a hand-edited settings.json may fill with anything: every text is
 * neutralised here, once, so neither the window nor the tray shows a control character.
 *
 * @param details         the lines under the target's name
 * @param getLabel        the button that gets credentials: "Assume role", "Get credentials"
 * @param credentialsName how a screen reader names what counts down: "AWS credentials"
 * @param removeLabel     the button that removes what fedcred wrote: "Remove profile"
 * @param gettingMessage  shown while credentials are being got
 * @param removingMessage shown while what fedcred wrote is being removed
 * @param removeQuestion  asked before removing what fedcred wrote
 * @param alsoRemoveText  what deleting the target offers to remove besides it
 * @param missingHint     shown when fedcred holds credentials but the file the tools read is not there
 * @param actions         what else the kind offers on the row and in the tray (open the console), in order
 */
public record TargetPresentation(List<Line> details, String getLabel, String credentialsName, String removeLabel,
                                 String gettingMessage, String removingMessage, Question removeQuestion,
                                 String alsoRemoveText, String missingHint, List<TargetAction> actions) {
    /** A kind that offers nothing besides getting and removing credentials. */
    public TargetPresentation(List<Line> details, String getLabel, String credentialsName, String removeLabel,
                              String gettingMessage, String removingMessage, Question removeQuestion,
                              String alsoRemoveText, String missingHint) {
        this(details, getLabel, credentialsName, removeLabel, gettingMessage, removingMessage, removeQuestion,
                alsoRemoveText, missingHint, List.of());
    }

    public TargetPresentation {
        details = List.copyOf(details);
        actions = List.copyOf(actions);
        getLabel = OutsideText.neutralise(getLabel);
        credentialsName = OutsideText.neutralise(credentialsName);
        removeLabel = OutsideText.neutralise(removeLabel);
        gettingMessage = OutsideText.neutralise(gettingMessage);
        removingMessage = OutsideText.neutralise(removingMessage);
        alsoRemoveText = OutsideText.neutralise(alsoRemoveText);
        missingHint = OutsideText.neutralise(missingHint);
    }

    /** A line's text and what a screen reader says for it (null: the text itself). */
    public record Line(String text, String accessibleText) {
        public Line {
            text = OutsideText.neutralise(text);
            accessibleText = OutsideText.neutralise(accessibleText);
        }
    }

    /** A question with one button that goes ahead and one that does nothing; the UI picks the buttons' words. */
    public record Question(String title, String text, String proceedAccessibleText, String cancelAccessibleText) {
        public Question {
            title = OutsideText.neutralise(title);
            text = OutsideText.neutralise(text);
            proceedAccessibleText = OutsideText.neutralise(proceedAccessibleText);
            cancelAccessibleText = OutsideText.neutralise(cancelAccessibleText);
        }
    }

    /** Whether to replace a file fedcred did not write, and what to say when the user keeps it. */
    public record ReplaceQuestion(Question question, String keptNotice) {
        public ReplaceQuestion {
            keptNotice = OutsideText.neutralise(keptNotice);
        }
    }
}
