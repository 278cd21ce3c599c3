package dev.storecrm.domain.templates;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** The versioned store in memory, counting the live reads the sender's cache is meant to save. */
final class InMemoryTemplateOverrides implements TemplateOverrides {

    private final List<TemplateOverride> versions = new ArrayList<>();
    int liveReads;

    @Override
    public Optional<TemplateOverride> live(String template, String locale) {
        liveReads++;
        return of(template, locale).max(Comparator.comparingInt(TemplateOverride::version));
    }

    @Override
    public List<TemplateOverride> versions(String template, String locale) {
        return of(template, locale).sorted(Comparator.comparingInt(TemplateOverride::version).reversed())
                .limit(VERSIONS_LISTED).toList();
    }

    @Override
    public Optional<TemplateOverride> version(String template, String locale, int version) {
        return of(template, locale).filter(v -> v.version() == version).findFirst();
    }

    @Override
    public Optional<TemplateOverride> publish(String template, String locale, Map<String, String> parts, String by,
                                              Instant at, String note) {
        TemplateOverride published = new TemplateOverride(template, locale, versions(template, locale).size() + 1,
                parts, at, by, note);
        versions.add(published);
        return Optional.of(published);
    }

    private Stream<TemplateOverride> of(String template, String locale) {
        return versions.stream().filter(v -> v.template().equals(template) && v.locale().equals(locale));
    }
}
