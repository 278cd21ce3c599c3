package dev.storecrm.domain.templates;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One published version of a template's override in one locale: the parts it replaces ({@code subject.txt},
 * {@code body.html}, {@code body.txt}, {@code sms.txt}; {@code layout.html}, {@code layout.txt} for the layout
 * {@code _layout}); a part it does not give comes from the bundled template. Version 0 with no parts is "the
 * bundled template" (what a roll-back to version 0 publishes). {@code note} says how it came: {@code published}
 * or {@code rollback to v<n>}.
 */
public record TemplateOverride(String template, String locale, int version, Map<String, String> parts,
                               Instant publishedAt, String publishedBy, String note) {

    /** The layout's pseudo-template id. */
    public static final String LAYOUT = "_layout";
    /** The parts a template's override may replace. */
    public static final Set<String> TEMPLATE_PARTS = Set.of("subject.txt", "body.html", "body.txt", "sms.txt");
    /** The parts a layout's override may replace. */
    public static final Set<String> LAYOUT_PARTS = Set.of("layout.html", "layout.txt");

    public TemplateOverride {
        Objects.requireNonNull(template);
        Objects.requireNonNull(locale);
        parts = Map.copyOf(parts);
        Objects.requireNonNull(publishedAt);
        Objects.requireNonNull(publishedBy);
        Objects.requireNonNull(note);
    }

    /** The parts an override of {@code template} may replace. */
    public static Set<String> partsOf(String template) {
        return LAYOUT.equals(template) ? LAYOUT_PARTS : TEMPLATE_PARTS;
    }

    /** This version's text of a part, if it replaces it. */
    public Optional<String> part(String name) {
        return Optional.ofNullable(parts.get(name));
    }
}
