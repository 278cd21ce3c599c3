package dev.storecrm.carelists;

import dev.storecrm.platform.http.HttpAnswer;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How a list is served: CSV (the default) or JSON, by {@code format} or else the {@code Accept} header; a page's
 * next cursor rides in the {@code X-Next-Cursor} header (and in JSON's {@code next}).
 */
enum ListFormat {
    CSV, JSON;

    static ListFormat of(String asked, Optional<String> accept) {
        if (asked != null && !asked.isBlank()) {
            return switch (asked.trim().toLowerCase(Locale.ROOT)) {
                case "csv" -> CSV;
                case "json" -> JSON;
                default -> throw new IllegalArgumentException("format must be csv or json, not '" + asked + "'");
            };
        }
        boolean wantsJson = accept
                .filter(a -> a.contains("application/json") && !a.contains("text/csv"))
                .isPresent();
        return wantsJson ? JSON : CSV;
    }

    HttpAnswer answer(Table table, String name) {
        boolean csv = this == CSV;
        Map<String, String> headers = new java.util.HashMap<>(Map.of(
                "Content-Type", csv ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
                "Content-Disposition", (csv ? "attachment" : "inline") + "; filename=\"" + name
                        + (csv ? ".csv" : ".json") + "\""));
        table.next().ifPresent(cursor -> headers.put("X-Next-Cursor", cursor));
        return new HttpAnswer(200, headers, csv ? table.toCsv() : table.toJson());
    }
}
