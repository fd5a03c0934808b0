package dev.fedcred.ui.preferences;

import dev.fedcred.FedcredContext;
import dev.fedcred.core.settings.Appearance;
import dev.fedcred.ui.fx.BackgroundWork;
import dev.fedcred.ui.fx.Nodes;
import dev.fedcred.ui.fx.UserMessages;
import dev.fedcred.ui.fx.WindowTheme;
import java.util.EnumMap;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;

/**
 * Preferences: follow the system's colours, or always light or dark. A choice shows at once and
 * is saved in the background; a save that fails says so here and the choice stays for this run.
 */
public final class AppearanceSection extends VBox {
    public static final String HEADING = "Appearance";

    private final FedcredContext context;
    private final BackgroundWork work;
    private final WindowTheme theme;
    private final ToggleGroup choices = new ToggleGroup();
    private final Map<Appearance, RadioButton> buttons = new EnumMap<>(Appearance.class);
    private final Label error = new Label();

    public AppearanceSection(FedcredContext context, BackgroundWork work, WindowTheme theme) {
        super(6);
        this.context = context;
        this.work = work;
        this.theme = theme;
        getChildren().addAll(
                choice(Appearance.SYSTEM, "Follow the _system", "Appearance: follow the system's light or dark setting"),
                choice(Appearance.LIGHT, "_Light", "Appearance: always light"),
                choice(Appearance.DARK, "_Dark", "Appearance: always dark"));
        buttons.get(theme.appearance()).setSelected(true);
        choices.selectedToggleProperty().addListener((observable, before, now) -> {
            if (now != null) {
                choose((Appearance) now.getUserData());
            }
        });
        error.getStyleClass().add("error");
        error.setAccessibleText("Appearance error");
        Nodes.wrapFully(error);
        Nodes.hide(error);
        getChildren().add(error);
    }

    private RadioButton choice(Appearance appearance, String text, String accessibleText) {
        RadioButton button = new RadioButton(text);
        button.setMnemonicParsing(true);
        button.setAccessibleText(accessibleText);
        button.setUserData(appearance);
        button.setToggleGroup(choices);
        buttons.put(appearance, button);
        return button;
    }

    private void choose(Appearance appearance) {
        theme.apply(appearance);
        work.run(() -> context.settings().update(settings -> settings.withAppearance(appearance)),
                saved -> Nodes.hide(error),
                failure -> {
                    error.setText("The window uses this appearance until fedcred quits, but it was not saved: "
                            + UserMessages.of(failure));
                    Nodes.show(error);
                });
    }
}
