package dev.fedcred.ui.targets;

import dev.fedcred.core.targets.SettingTexts;
import dev.fedcred.core.targets.Target;
import dev.fedcred.core.targets.TargetField;
import dev.fedcred.core.targets.TargetForm;
import dev.fedcred.core.targets.TargetKind;
import dev.fedcred.core.targets.TargetSetting;
import dev.fedcred.core.targets.TargetValidation;
import dev.fedcred.core.targets.TextEntry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The target dialog's rules, without JavaFX, for any kind: the texts typed are read into the kind's
 * target by {@link TextEntry}, as the command line's KEY=VALUE are, so a value that cannot be read
 * says the same in both; then come the names in use, the issuers there are, and core's
 * {@link TargetValidation}, which also has the last word when the target is saved. What only the
 * disk can tell is asked once per value, off the FX thread, by the dialog.
 */
final class TargetFormCheck {

    /** What the disk said about the values of the form's {@link TargetForm#checkedOnDisk} settings. */
    record DiskCheck(Map<TargetField, String> values, Map<TargetField, String> problems) {
    }

    /**
     * The target as read, its problems by field in the form's order, and the values the disk has
     * not been asked about yet (null when there is nothing to ask). It may be saved only when valid.
     */
    record Result(Target target, Map<TargetField, String> errors, Map<TargetField, String> toCheckOnDisk) {
        Result {
            errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
        }

        boolean valid() {
            return errors.isEmpty() && toCheckOnDisk == null;
        }
    }

    private final TargetKind<?> kind;
    private final TargetForm form;
    private final Set<String> takenNames;
    private final Set<String> issuers;
    private final TargetValidation validation;

    /**
     * @param takenNames the names of the other targets, built-in ones included
     * @param issuers    the issuers a target may name
     */
    TargetFormCheck(TargetKind<?> kind, Set<String> takenNames, Set<String> issuers, TargetValidation validation) {
        this.kind = kind;
        this.form = kind.form();
        this.takenNames = Set.copyOf(takenNames);
        this.issuers = Set.copyOf(issuers);
        this.validation = validation;
    }

    /** @param lastDiskCheck what the disk said last; null when it was not asked yet */
    Result check(SettingTexts texts, DiskCheck lastDiskCheck) {
        TextEntry.Reading<?> reading = TextEntry.readAll(kind, texts.text(TargetField.NAME), texts.byKey());
        Target target = reading.target();
        Map<TargetField, String> errors = new HashMap<>(reading.problems());
        if (takenNames.contains(target.name())) {
            errors.putIfAbsent(TargetField.NAME, "There is already a target named \"" + target.name()
                    + "\"; choose another name.");
        }
        if (target.issuer() != null && !issuers.contains(target.issuer())) {
            errors.putIfAbsent(TargetField.ISSUER, "There is no issuer named \"" + target.issuer() + "\" any more;"
                    + " choose one of yours, or add it under Issuers first.");
        }
        validation.problems(target).forEach(errors::putIfAbsent);
        Map<TargetField, String> onDisk = valuesForDisk(texts, errors);
        Map<TargetField, String> toCheck = null;
        if (onDisk != null) {
            if (lastDiskCheck == null || !onDisk.equals(lastDiskCheck.values())) {
                toCheck = onDisk;
            } else {
                lastDiskCheck.problems().forEach(errors::putIfAbsent);
            }
        }
        return new Result(target, inFormOrder(errors), toCheck);
    }

    /** The values the disk check reads; null when none is set or one is already refused without the disk. */
    private Map<TargetField, String> valuesForDisk(SettingTexts texts, Map<TargetField, String> errors) {
        Map<TargetField, String> values = new HashMap<>();
        form.checkedOnDisk().forEach(field -> values.put(field, texts.text(field)));
        boolean anySet = values.values().stream().anyMatch(value -> !value.isEmpty());
        boolean refused = values.keySet().stream().anyMatch(errors::containsKey);
        return anySet && !refused ? values : null;
    }

    /** "Still needed" and the focus follow the dialog's rows, not the order the rules ran in. */
    private Map<TargetField, String> inFormOrder(Map<TargetField, String> errors) {
        List<TargetField> order = new ArrayList<>();
        order.add(TargetField.NAME);
        form.settings().stream().map(TargetSetting::field).forEach(order::add);
        Map<TargetField, String> ordered = new LinkedHashMap<>();
        order.stream().filter(errors::containsKey).forEach(field -> ordered.put(field, errors.get(field)));
        errors.forEach(ordered::putIfAbsent);
        return ordered;
    }
}
