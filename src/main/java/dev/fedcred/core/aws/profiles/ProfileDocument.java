package dev.fedcred.core.aws.profiles;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An AWS credentials or config file as a list of lines that keep their exact text and line
 * endings, so that editing one profile's section leaves every other byte of the file as it was.
 *
 * <p>Lines are classified the way the AWS SDKs' own reader classifies them (blank, comment,
 * section header, {@code key = value}, indented continuation); a line the SDKs would reject is
 * refused here too, since fedcred must not guess what a broken file means.
 *
 * <p>Rules for the text fedcred writes:
 * <ul>
 *   <li>A new section goes at the end, after one empty separator line (none in an empty file).</li>
 *   <li>The file keeps its final-newline state: a file without a final newline still has none
 *       afterwards (the newline that ends the user's last line is part of the separator).</li>
 *   <li>New lines use the file's line ending (that of its first line), else the platform's.</li>
 *   <li>Removing a section removes its header through its last key, and one empty line before
 *       it (else one right after it), which is exactly what appending added. Comments and blank
 *       lines after the last key stay: they usually introduce the next section.</li>
 * </ul>
 */
final class ProfileDocument {
    enum LineType { BLANK, COMMENT, HEADER, PROPERTY, CONTINUATION }

    /**
     * One line: {@code text} without its line ending, {@code eol} exactly as in the file ("" for
     * a last line without one). {@code name} is the profile a HEADER defines (null for a config
     * section that is not a profile) or the key of a PROPERTY.
     */
    record Line(String text, String eol, LineType type, String name) {
        Line withEol(String newEol) {
            return new Line(text, newEol, type, name);
        }
    }

    /** A profile's section: its header, its last key line, and the next header (or the file's end). */
    record Section(int header, int lastKey, int end, int lineNumber) {
    }

    private final Path file;
    private final AwsFileKind kind;
    private final String bom;
    private final List<Line> lines;
    private final boolean endsWithNewline;
    private final String newline;

    private ProfileDocument(Path file, AwsFileKind kind, String bom, List<Line> lines) {
        this.file = file;
        this.kind = kind;
        this.bom = bom;
        this.lines = lines;
        this.endsWithNewline = lines.isEmpty() || !lines.get(lines.size() - 1).eol().isEmpty();
        this.newline = lines.stream().map(Line::eol).filter(eol -> !eol.isEmpty()).findFirst()
                .orElse(System.lineSeparator());
    }

    /** Parses raw file bytes (empty for a file that does not exist yet). */
    static ProfileDocument parse(Path file, AwsFileKind kind, byte[] content) {
        String raw = RawText.fromBytes(content);
        String bom = raw.startsWith(RawText.UTF8_BOM) ? RawText.UTF8_BOM : "";
        List<Line> lines = new LineParser(file, kind).parse(raw.substring(bom.length()));
        return new ProfileDocument(file, kind, bom, lines);
    }

    Path file() {
        return file;
    }

    /** The section defining {@code profile}; two such sections are refused, as a write could not know which one counts. */
    Optional<Section> section(String profile) {
        Section found = null;
        int lineNumber = 0;
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            if (line.type() != LineType.HEADER || !profile.equals(line.name())) {
                continue;
            }
            if (found != null) {
                throw new AwsFileParseException(file, i + 1, "defines the profile '" + profile + "' a second time"
                        + " (first on line " + found.lineNumber() + "); merge the two sections into one");
            }
            found = sectionAt(i);
        }
        return Optional.ofNullable(found);
    }

    /** Every profile's section in file order, duplicates included (config sections that are no profile left out). */
    List<Map.Entry<String, Section>> profileSections() {
        List<Map.Entry<String, Section>> sections = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            if (line.type() == LineType.HEADER && line.name() != null) {
                sections.add(Map.entry(line.name(), sectionAt(i)));
            }
        }
        return sections;
    }

    private Section sectionAt(int header) {
        int end = header + 1;
        int lastKey = header;
        while (end < lines.size() && lines.get(end).type() != LineType.HEADER) {
            LineType type = lines.get(end).type();
            if (type == LineType.PROPERTY || type == LineType.CONTINUATION) {
                lastKey = end;
            }
            end++;
        }
        return new Section(header, lastKey, end, header + 1);
    }

    /** True when every line is blank or belongs to a section with {@code marker} and is not a comment. */
    boolean holdsOnlySectionsMarked(String marker) {
        int i = 0;
        while (i < lines.size()) {
            LineType type = lines.get(i).type();
            if (type == LineType.BLANK) {
                i++;
                continue;
            }
            Section section = type == LineType.HEADER ? sectionAt(i) : null;
            if (section == null || !hasKey(section, marker)) {
                return false;
            }
            for (i = section.header() + 1; i < section.end(); i++) {
                if (lines.get(i).type() == LineType.COMMENT) {
                    return false;
                }
            }
        }
        return true;
    }

    boolean hasKey(Section section, String key) {
        return properties(section).containsKey(key);
    }

    /** The section's keys and values as the SDKs read them (the last of duplicate keys wins), in Unicode. */
    Map<String, String> properties(Section section) {
        Map<String, String> properties = new LinkedHashMap<>();
        for (Line line : lines.subList(section.header() + 1, section.end())) {
            if (line.type() == LineType.PROPERTY) {
                String value = line.text().substring(line.text().indexOf('=') + 1).trim();
                properties.put(line.name(), RawText.toUnicode(value));
            }
        }
        return properties;
    }

    /** Appends a new section for {@code profile} at the end of the file. */
    void append(String profile, Map<String, String> values) {
        if (!lines.isEmpty()) {
            lines.add(new Line("", newline, LineType.BLANK, null));
        }
        lines.add(new Line(kind.headerFor(profile), newline, LineType.HEADER, profile));
        values.forEach((key, value) -> lines.add(propertyLine(key, value, newline)));
    }

    /**
     * Replaces everything from the header to the last key with {@code values}; the header line
     * itself (and any comment on it) stays. Used to take over an unmanaged section on --force,
     * where keeping the old keys could leave e.g. a role_arn or credential_process in charge.
     */
    void replaceKeys(Section section, Map<String, String> values) {
        List<Line> keys = new ArrayList<>();
        values.forEach((key, value) -> keys.add(propertyLine(key, value, newline)));
        List<Line> replaced = lines.subList(section.header() + 1, section.lastKey() + 1);
        replaced.clear();
        replaced.addAll(keys);
    }

    /**
     * Sets {@code values} in a section fedcred manages, line by line: each of these keys is
     * rewritten where it stands (a duplicate of it is dropped), a missing one is added after the
     * last of them, and every other line (keys a user added by hand, comments) stays as it is.
     */
    void updateKeys(Section section, Map<String, String> values) {
        List<Line> updated = new ArrayList<>(lines.subList(0, section.header() + 1));
        Set<String> written = new HashSet<>();
        int insertAt = updated.size();
        boolean inOurKey = false;
        for (Line line : lines.subList(section.header() + 1, section.end())) {
            if (line.type() == LineType.PROPERTY) {
                inOurKey = values.containsKey(line.name());
                if (inOurKey) {
                    if (written.add(line.name())) {
                        updated.add(propertyLine(line.name(), values.get(line.name()), line.eol()));
                        insertAt = updated.size();
                    }
                    continue;
                }
            } else if (line.type() == LineType.CONTINUATION && inOurKey) {
                continue; // our values are single lines; a continuation someone added would change them
            }
            updated.add(line);
        }
        List<Line> missing = new ArrayList<>();
        values.forEach((key, value) -> {
            if (!written.contains(key)) {
                missing.add(propertyLine(key, value, newline));
            }
        });
        updated.addAll(insertAt, missing);
        updated.addAll(lines.subList(section.end(), lines.size()));
        lines.clear();
        lines.addAll(updated);
    }

    /** Removes the section's header through its last key and the one empty line {@link #append} put next to it. */
    void remove(Section section) {
        int from = section.header();
        int to = section.lastKey() + 1;
        if (from > 0 && lines.get(from - 1).text().isEmpty()) {
            from--;
        } else if (to < lines.size() && lines.get(to).text().isEmpty()) {
            to++;
        }
        lines.subList(from, to).clear();
    }

    byte[] toBytes() {
        StringBuilder out = new StringBuilder(bom);
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            out.append(line.text()).append(lineEnding(line, i == lines.size() - 1));
        }
        return RawText.toBytes(out.toString());
    }

    /**
     * Every line but the last ends with a newline; the last one ends as the file's last line did,
     * so a file without a final newline keeps having none.
     */
    private String lineEnding(Line line, boolean last) {
        if (last && !endsWithNewline) {
            return "";
        }
        return line.eol().isEmpty() ? newline : line.eol();
    }

    /** {@code key = value} with single spaces, like {@code aws configure}; never an inline comment (botocore would keep it in the value). */
    private static Line propertyLine(String key, String value, String eol) {
        return new Line(key + " = " + RawText.fromUnicode(value), eol, LineType.PROPERTY, key);
    }
}
