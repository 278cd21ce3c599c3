package dev.storecrm.domain.messaging;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The marker commercial e-mail carries in its subject. Chinese rules require "广告" or "AD" in the
 * subject of commercial e-mail; defaults are {@code 【广告】} for Chinese and {@code [AD]} otherwise.
 * Configured as {@code zh=【广告】,*=[AD]} (language, or {@code *} for every other).
 */
public record SubjectPrefixes(Map<String, String> byLanguage) {

    public static final String DEFAULT = "zh=【广告】,*=[AD]";

    public SubjectPrefixes {
        if (!byLanguage.containsKey("*")) {
            throw new IllegalArgumentException("marketing subject prefixes need a '*' entry for other languages");
        }
        byLanguage = Map.copyOf(byLanguage);
    }

    public static SubjectPrefixes parse(String spec) {
        Map<String, String> prefixes = new LinkedHashMap<>();
        for (String entry : spec.split(",")) {
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("marketing subject prefixes look like " + DEFAULT);
            }
            prefixes.put(entry.substring(0, eq).trim(), entry.substring(eq + 1).trim());
        }
        return new SubjectPrefixes(prefixes);
    }

    public String apply(String subject, String locale) {
        String language = Locale.forLanguageTag(locale).getLanguage();
        String prefix = byLanguage.getOrDefault(language, byLanguage.get("*"));
        if (prefix.isEmpty() || subject.startsWith(prefix)) {
            return subject;
        }
        boolean closesWithWideBracket = prefix.endsWith("】") || prefix.endsWith("」");
        return closesWithWideBracket ? prefix + subject : prefix + " " + subject;
    }
}
