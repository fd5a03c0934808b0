package dev.fedcred.ui.tray;

import dev.fedcred.core.renewal.CredentialRenewer;
import dev.fedcred.core.status.TargetSnapshot;
import dev.fedcred.ui.fx.TimeText;
import dev.fedcred.ui.targets.TargetKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns the sessions into what the tray shows, from the clock alone: the icon's state, the
 * tooltip, and the menu (who is signed in; a sign-in per issuer that needs one; per target
 * "Assume role NAME", "Get credentials NAME" or "Renew NAME — 0:42:10 left"; Open fedcred; Quit).
 */
public final class TrayModel {
    /**
     * Renewal runs this long before expiry, so a session with less left was not renewed (it
     * cannot be, or not yet): that is when the icon asks for a look.
     */
    static final Duration EXPIRING = CredentialRenewer.DEFAULT_LEAD;
    static final String OPEN = "Open fedcred";
    static final String QUIT = "Quit";
    static final String NOT_SIGNED_IN = "Not signed in";
    static final String RENEW = "Renew";
    /** Windows cuts tray tooltips at 127 characters. */
    private static final int TOOLTIP_LIMIT = 120;

    private final Clock clock;

    public TrayModel(Clock clock) {
        this.clock = clock;
    }

    /** @param working the targets whose credentials the tray is getting now, with what it says meanwhile */
    public TrayMenu menu(TrayFacts facts, Map<String, String> working) {
        Instant now = clock.instant();
        List<Session> sessions = sessions(facts);
        TrayState state = state(sessions, now);

        List<TrayMenuItem> signedIn = new ArrayList<>();
        for (TrayFacts.IssuerSession issuer : facts.issuers()) {
            if (live(issuer.idTokenExpiresAt(), now)) {
                signedIn.add(TrayMenuItem.info("Signed in to " + issuer.name() + " — "
                        + left(issuer.idTokenExpiresAt(), now)));
            }
        }
        if (signedIn.isEmpty()) {
            signedIn.add(TrayMenuItem.info(NOT_SIGNED_IN));
        }
        if (facts.problem() != null) {
            signedIn.add(TrayMenuItem.info(facts.problem()));
        }
        for (String issuer : issuersNeedingSignIn(facts, now)) {
            signedIn.add(TrayMenuItem.action("Sign in to " + issuer + "…", new TrayAction.SignIn(issuer)));
        }

        List<TrayMenuItem> targets = new ArrayList<>();
        for (TargetSnapshot target : facts.targets()) {
            TargetKind kind = TargetKind.of(target);
            if (kind != null) {
                targets.add(targetItem(target, kind, working.get(target.target().name()), now));
                targets.addAll(TrayKindActions.items(target, kind));
            }
        }

        List<TrayMenuItem> items = new ArrayList<>(signedIn);
        if (!targets.isEmpty()) {
            items.add(TrayMenuItem.SEPARATOR);
            items.addAll(targets);
        }
        items.add(TrayMenuItem.SEPARATOR);
        items.add(TrayMenuItem.action(OPEN, new TrayAction.OpenWindow()));
        items.add(TrayMenuItem.action(QUIT, new TrayAction.Quit()));
        return new TrayMenu(state, tooltip(state, sessions, now), items);
    }

    /** Renew while fedcred's credentials are in the file; otherwise the kind's own words, as on the row's button. */
    private static TrayMenuItem targetItem(TargetSnapshot target, TargetKind kind, String workingText, Instant now) {
        String name = target.target().name();
        TrayAction action = new TrayAction.GetCredentials(name);
        if (workingText != null) {
            return new TrayMenuItem(workingText, action, false);
        }
        if (written(target)) {
            String left = live(target.expiration(), now) ? left(target.expiration(), now) : "expired";
            return TrayMenuItem.action(RENEW + " " + name + " — " + left, action);
        }
        return TrayMenuItem.action(kind.getLabel() + " " + name, action);
    }

    /**
     * Issuers without a live sign-in that matter: one a target signs in with, or one whose
     * sign-in has expired. An issuer nobody uses is not worth a line.
     */
    private static List<String> issuersNeedingSignIn(TrayFacts facts, Instant now) {
        Set<String> used = new HashSet<>();
        facts.targets().forEach(target -> used.add(target.issuerName()));
        return facts.issuers().stream()
                .filter(issuer -> !live(issuer.idTokenExpiresAt(), now))
                .filter(issuer -> issuer.idTokenExpiresAt() != null || used.contains(issuer.name()))
                .map(TrayFacts.IssuerSession::name)
                .toList();
    }

    /** The sessions that can expire: stored sign-ins, and credentials fedcred wrote that are still in their file. */
    private static List<Session> sessions(TrayFacts facts) {
        List<Session> sessions = new ArrayList<>();
        for (TrayFacts.IssuerSession issuer : facts.issuers()) {
            if (issuer.idTokenExpiresAt() != null) {
                sessions.add(new Session("the sign-in to " + issuer.name(), issuer.idTokenExpiresAt()));
            }
        }
        for (TargetSnapshot target : facts.targets()) {
            if (written(target)) {
                sessions.add(new Session(target.target().name(), target.expiration()));
            }
        }
        return sessions;
    }

    static TrayState state(List<Session> sessions, Instant now) {
        if (sessions.isEmpty()) {
            return TrayState.SIGNED_OUT;
        }
        if (sessions.stream().anyMatch(session -> !live(session.expiresAt(), now))) {
            return TrayState.EXPIRED;
        }
        if (sessions.stream().anyMatch(session -> expiringSoon(session.expiresAt(), now))) {
            return TrayState.EXPIRING;
        }
        return TrayState.SIGNED_IN;
    }

    private static String tooltip(TrayState state, List<Session> sessions, Instant now) {
        String text = switch (state) {
            case SIGNED_OUT -> state.words();
            case EXPIRED -> state.words() + ": " + names(sessions.stream()
                    .filter(session -> !live(session.expiresAt(), now)).toList());
            case EXPIRING -> state.words() + ": " + sessions.stream()
                    .filter(session -> expiringSoon(session.expiresAt(), now))
                    .map(session -> session.name() + " in " + TimeText.hoursMinutesSeconds(
                            Duration.between(now, session.expiresAt())))
                    .collect(Collectors.joining(", "));
            case SIGNED_IN -> {
                Session next = sessions.stream().min(Comparator.comparing(Session::expiresAt)).orElseThrow();
                yield state.words() + "; " + next.name() + " expires next, in "
                        + TimeText.hoursMinutesSeconds(Duration.between(now, next.expiresAt()));
            }
        };
        String tooltip = "fedcred: " + text;
        return tooltip.length() <= TOOLTIP_LIMIT ? tooltip : tooltip.substring(0, TOOLTIP_LIMIT - 1) + "…";
    }

    private static String names(List<Session> sessions) {
        return sessions.stream().map(Session::name).collect(Collectors.joining(", "));
    }

    private static boolean written(TargetSnapshot target) {
        return target.expiration() != null && target.written();
    }

    private static boolean live(Instant expiresAt, Instant now) {
        return expiresAt != null && now.isBefore(expiresAt);
    }

    private static boolean expiringSoon(Instant expiresAt, Instant now) {
        return Duration.between(now, expiresAt).compareTo(EXPIRING) <= 0;
    }

    private static String left(Instant expiresAt, Instant now) {
        return TimeText.hoursMinutesSeconds(Duration.between(now, expiresAt)) + " left";
    }

    /** Something that expires: a stored sign-in, or a target's credentials in their file. */
    record Session(String name, Instant expiresAt) {
    }
}
