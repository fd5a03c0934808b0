package dev.fedcred.core.imports;

import dev.fedcred.core.text.OutsideText;
import java.util.List;

/** What a scan found: the candidates, and each file it could not read with why (never quoting a secret). */
public record ImportScan(List<ImportCandidate> candidates, List<String> problems) {
    public ImportScan {
        candidates = List.copyOf(candidates);
        problems = problems.stream().map(OutsideText::shown).toList();
    }
}
