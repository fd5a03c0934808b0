package dev.fedcred.core.doctor;

import dev.fedcred.core.targets.Finding;
import dev.fedcred.core.text.OutsideText;
import java.util.List;

/**
 * Everything one doctor run found, in the order it was found: each finding with what it is about
 * (an issuer, a target, or fedcred itself). Healthy when nothing but notes was found.
 *
 * @param checked the targets checked, by name
 */
public record DoctorReport(List<String> checked, List<Entry> entries) {
    public DoctorReport {
        checked = List.copyOf(checked);
        entries = List.copyOf(entries);
    }

    /** A finding and what it is about: "issuer sandbox", "target prod", "fedcred". */
    public record Entry(String about, Finding finding) {
        public Entry {
            about = OutsideText.neutralise(about);
        }
    }

    /** Whether nothing counts against the set-up: no error, no warning. */
    public boolean healthy() {
        return entries.stream().noneMatch(entry -> entry.finding().counts());
    }

    public long count(Finding.Severity severity) {
        return entries.stream().filter(entry -> entry.finding().severity() == severity).count();
    }
}
