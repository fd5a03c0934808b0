package dev.fedcred.core.targets;

import dev.fedcred.core.text.OutsideText;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * One more thing a kind offers on its targets' rows and in the tray besides getting and removing
 * credentials, such as opening the AWS console: the words as data, so the window and the tray show
 * and run it without knowing the kind. The kind does the work in {@link TargetKind#perform}.
 *
 * @param id             the kind's name for it, passed back to {@link TargetKind#perform}
 * @param label          the button's and the tray item's words: "Open console"
 * @param accessibleText what a screen reader says for the button
 * @param workingMessage shown while it runs: "Opening the AWS console…"
 */
public record TargetAction(String id, String label, String accessibleText, String workingMessage) {
    public TargetAction {
        Objects.requireNonNull(id, "id");
        label = OutsideText.neutralise(label);
        accessibleText = OutsideText.neutralise(accessibleText);
        workingMessage = OutsideText.neutralise(workingMessage);
    }

    /**
     * What an action did: a notice for people, and a page to open in the user's browser, which may
     * be a credential (a console login URL) and so is never shown, logged or put in a message.
     */
    public static final class Done {
        private final String notice;
        private final URI browse;

        /** @param browse null when there is nothing to open */
        public Done(String notice, URI browse) {
            this.notice = OutsideText.neutralise(notice);
            this.browse = browse;
        }

        public String notice() {
            return notice;
        }

        /** The page to open in the browser: a secret, only for a browser. */
        public Optional<URI> browse() {
            return Optional.ofNullable(browse);
        }

        @Override
        public String toString() {
            return "Done[" + notice + (browse == null ? "" : ", browse=(secret)") + "]";
        }
    }
}
