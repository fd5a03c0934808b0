package dev.fedcred.ui.setup;

import java.util.List;

/**
 * A target's cloud-side set-up as the window shows it: one tab per format, each holding the
 * generated documents in the order they are applied, and how to check a present policy against
 * the signed-in token (null when no check applies). Every text here has been neutralised.
 */
public record SetupPage(String targetName, List<Tab> tabs, String checkHint) {

    public SetupPage {
        tabs = List.copyOf(tabs);
    }

    /** "Trust policy", "gcloud", "Terraform"…: the documents of one format. */
    public record Tab(String name, List<Section> sections) {
        public Tab {
            sections = List.copyOf(sections);
        }
    }

    /**
     * One generated document.
     *
     * @param fileName what to save it as; null when it is run rather than saved
     * @param notes    what to know before using it, each a sentence
     */
    public record Section(String title, String text, List<String> notes, String fileName) {
        public Section {
            notes = List.copyOf(notes);
        }
    }

    /** The tab of that name; empty when the page has none. */
    public java.util.Optional<Tab> tab(String name) {
        return tabs.stream().filter(tab -> tab.name().equals(name)).findFirst();
    }
}
