package dev.storecrm.carelists;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storecrm.platform.http.HttpAnswer;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A whole list as one CSV file ({@code POST /exports}), whatever its size: the list is read once
 * and made {@value #PAGE_ROWS} rows at a time, each page written on to the export store as it is
 * made (a multipart upload past one part), then answered with a link that downloads the file for
 * a short time. The answer is small whatever the list's size, so the 6 MB response limit of a
 * function URL or an API does not apply; the function's timeout does (README, "Full exports").
 */
final class ListExport {

    /** Rows made and written at a time: what the function holds of a list besides the list's index. */
    static final int PAGE_ROWS = 1000;
    private static final Set<String> FIELDS = Set.of("list", "month", "kind");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = LoggerFactory.getLogger(ListExport.class);

    /** A list that hands out all its rows, {@code size} at a time. */
    interface Source {
        void pages(int size, Consumer<Table> each);
    }

    private final ExportStore store;
    private final Duration linkValidFor;
    private final Clock clock;

    ListExport(ExportStore store, Duration linkValidFor, Clock clock) {
        this.store = store;
        this.linkValidFor = linkValidFor;
        this.clock = clock;
    }

    /** The request's fields ({@code list}, {@code month}, {@code kind}); an IllegalArgumentException says why not. */
    static Map<String, String> params(String body) {
        JsonNode request;
        try {
            request = JSON.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (IOException e) {
            throw new IllegalArgumentException("the body is not valid JSON");
        }
        if (request == null || !request.isObject()) {
            throw new IllegalArgumentException("the body must be a JSON object such as {\"list\":\"birthdays\","
                    + "\"month\":\"2026-06\"}");
        }
        Map<String, String> params = new LinkedHashMap<>();
        request.fields().forEachRemaining(field -> {
            if (!FIELDS.contains(field.getKey()) || !field.getValue().isTextual()) {
                throw new IllegalArgumentException("unknown or non-text field " + field.getKey() + " (fields: "
                        + FIELDS + ")");
            }
            params.put(field.getKey(), field.getValue().asText());
        });
        return params;
    }

    /** Writes the list named {@code name} (its file's stem) and answers its link, row and byte counts. */
    HttpAnswer export(String name, List<String> columns, Source source) {
        long started = System.nanoTime();
        String key = "exports/" + name + "-" + UUID.randomUUID() + ".csv";
        ExportStore.Upload upload = store.upload(key, name + ".csv");
        long[] counts = new long[2];
        Consumer<String> write = text -> {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            upload.write(bytes);
            counts[1] += bytes.length;
        };
        try {
            write.accept(new Table(columns).csvHeader());
            source.pages(PAGE_ROWS, table -> {
                write.accept(table.csvRows());
                counts[0] += table.rows().size();
            });
            upload.complete();
        } catch (RuntimeException e) {
            upload.abort();
            throw e;
        }
        URI link = store.link(key, linkValidFor);
        LOG.info("list exported", entry("list", name), entry("rows", counts[0]), entry("bytes", counts[1]),
                entry("millis", (System.nanoTime() - started) / 1_000_000));
        ObjectNode answer = JSON.createObjectNode().put("file", name + ".csv").put("rows", counts[0])
                .put("bytes", counts[1]).put("url", link.toString())
                .put("expiresAt", clock.instant().plus(linkValidFor).toString());
        return HttpAnswer.json(200, answer.toString());
    }
}
