package dev.storecrm.domain.templates;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The template files as the sender renders them: a part of a template's live override if one is published, else
 * the bundled file. Overrides are read per template and locale at most once per {@code cacheFor} (one read for all
 * its parts), and only for a template and locale the bundle has, so the cache holds at most one entry per bundled
 * template and locale and an unknown template costs no read.
 */
public final class OverrideTemplates implements Function<String, Optional<String>> {

    private final Function<String, Optional<String>> bundled;
    private final TemplateOverrides overrides;
    private final Duration cacheFor;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(Optional<TemplateOverride> live, Instant readAt) {}

    public OverrideTemplates(Function<String, Optional<String>> bundled, TemplateOverrides overrides,
                             Duration cacheFor, Clock clock) {
        this.bundled = bundled;
        this.overrides = overrides;
        this.cacheFor = cacheFor;
        this.clock = clock;
    }

    @Override
    public Optional<String> apply(String path) {
        String[] segments = path.split("/");
        Optional<String> file = bundled.apply(path);
        if (segments.length != 3 || file.isEmpty() || !TemplateOverride.partsOf(segments[0]).contains(segments[2])) {
            return file;
        }
        return live(segments[0], segments[1]).flatMap(override -> override.part(segments[2])).or(() -> file);
    }

    /** The live override of a template in a locale, as this source sees it now (cached). */
    public Optional<TemplateOverride> live(String template, String locale) {
        Instant now = clock.instant();
        return cache.compute(template + "/" + locale, (key, cached) -> cached != null
                && now.isBefore(cached.readAt().plus(cacheFor)) ? cached
                : new Cached(overrides.live(template, locale), now)).live();
    }
}
