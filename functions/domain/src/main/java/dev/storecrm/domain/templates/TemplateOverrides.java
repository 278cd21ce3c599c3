package dev.storecrm.domain.templates;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The versioned store of template overrides, per template and locale. Every publication is a new version; older
 * versions are kept, so a roll-back publishes an older version's parts again as the newest one.
 */
public interface TemplateOverrides {

    /** The most versions {@link #versions} lists, newest first. */
    int VERSIONS_LISTED = 20;

    /** The live override of a template in a locale (eventually consistent), if one was ever published. */
    Optional<TemplateOverride> live(String template, String locale);

    /** The newest {@link #VERSIONS_LISTED} versions, newest first. */
    List<TemplateOverride> versions(String template, String locale);

    /** One version, if it exists. */
    Optional<TemplateOverride> version(String template, String locale, int version);

    /**
     * Publishes {@code parts} as the next version and makes it live. Empty if another publication took that
     * version number first (the caller may read again and retry).
     */
    Optional<TemplateOverride> publish(String template, String locale, Map<String, String> parts, String by,
                                       Instant at, String note);
}
