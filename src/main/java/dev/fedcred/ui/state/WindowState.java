package dev.fedcred.ui.state;

import dev.fedcred.core.oidc.TokenSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;

/**
 * What the window knows, shared by the issuer rows and the claims view: each issuer's verified
 * token set, and whose claims are open. FX thread only.
 */
public final class WindowState {
    private final ObservableMap<String, TokenSet> tokens = FXCollections.observableHashMap();
    // One view for the window's lifetime: the view listens to the map only weakly, so a listener
    // added to a view that nobody keeps would vanish at the next garbage collection.
    private final ObservableMap<String, TokenSet> readOnlyTokens = FXCollections.unmodifiableObservableMap(tokens);
    private final ReadOnlyStringWrapper shownIssuer = new ReadOnlyStringWrapper();

    public ObservableMap<String, TokenSet> tokens() {
        return readOnlyTokens;
    }

    public Optional<TokenSet> tokens(String issuerName) {
        return Optional.ofNullable(tokens.get(issuerName));
    }

    public ReadOnlyStringProperty shownIssuerProperty() {
        return shownIssuer.getReadOnlyProperty();
    }

    public Optional<TokenSet> shownTokens() {
        return shownIssuer.get() == null ? Optional.empty() : tokens(shownIssuer.get());
    }

    public void loaded(Map<String, TokenSet> current, String show) {
        tokens.putAll(current);
        shownIssuer.set(show);
    }

    /**
     * fedcred's files were read again: the stored sign-ins are what counts. An issuer that is gone
     * is signed out here; one signed out elsewhere (`fedcred logout` in a terminal) loses its tokens
     * but stays the one shown, so a read that began just before a sign-in here was stored, and
     * arrives after it, cannot move the view: the next read puts the tokens back where they were.
     */
    public void reloaded(Set<String> issuerNames, Map<String, TokenSet> current) {
        for (String name : List.copyOf(tokens.keySet())) {
            if (!issuerNames.contains(name)) {
                signedOut(name);
            } else if (!current.containsKey(name)) {
                tokens.remove(name);
            }
        }
        tokens.putAll(current);
    }

    /** A fresh sign-in is what the user wants to look at. */
    public void signedIn(TokenSet tokenSet) {
        tokens.put(tokenSet.issuerName(), tokenSet);
        shownIssuer.set(tokenSet.issuerName());
    }

    public void signedOut(String issuerName) {
        tokens.remove(issuerName);
        if (issuerName.equals(shownIssuer.get())) {
            shownIssuer.set(tokens.keySet().stream().sorted().findFirst().orElse(null));
        }
    }

    public void show(String issuerName) {
        if (tokens.containsKey(issuerName)) {
            shownIssuer.set(issuerName);
        }
    }
}
