package dev.storecrm.simulation;

import dev.storecrm.localcloud.SentMail;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The mail of a run as files a browser opens: one HTML file per e-mail as SES received it, and an
 * index page listing them (time sent, recipient, journey, subject, business key).
 */
final class MailFolder {

    private MailFolder() {}

    /** Writes the folder afresh; returns the index page. */
    static Path write(Path folder, List<SentMail> mail, List<Map<String, AttributeValue>> ledger) {
        try {
            if (Files.isDirectory(folder)) {
                try (Stream<Path> old = Files.list(folder)) {
                    for (Path file : old.filter(p -> p.getFileName().toString().endsWith(".html")).toList()) {
                        Files.delete(file);
                    }
                }
            }
            Files.createDirectories(folder);
            Map<String, Map<String, AttributeValue>> byMessage = new java.util.HashMap<>();
            ledger.stream().filter(e -> e.containsKey("messageId"))
                    .forEach(e -> byMessage.put(e.get("messageId").s(), e));
            StringBuilder index = new StringBuilder("""
                    <!doctype html><html><head><meta charset="utf-8"><title>StoreCRM simulated run: mail</title>
                    <style>body{font-family:sans-serif;margin:2em}td,th{padding:2px 8px;text-align:left}
                    tr:nth-child(even){background:#f4f4f4}</style></head><body>
                    <h1>Mail the SES emulator received</h1><table><tr><th>sent (UTC, simulated)</th><th>to</th>
                    <th>journey</th><th>subject</th><th>business key</th></tr>
                    """);
            int n = 0;
            List<SentMail> ordered = mail.stream().sorted(java.util.Comparator.comparing((SentMail m) ->
                    sentAt(byMessage.get(m.messageId())))).toList();
            for (SentMail message : ordered) {
                String file = String.format("%05d.html", ++n);
                Map<String, AttributeValue> entry = byMessage.get(message.messageId());
                Files.writeString(folder.resolve(file), page(message), StandardCharsets.UTF_8);
                index.append("<tr><td>").append(escape(sentAt(entry).toString())).append("</td><td>")
                        .append(escape(String.join(", ", message.to()))).append("</td><td>")
                        .append(escape(text(entry, "journey"))).append("</td><td><a href=\"").append(file).append("\">")
                        .append(escape(message.subject())).append("</a></td><td>")
                        .append(escape(text(entry, "businessKey"))).append("</td></tr>\n");
            }
            index.append("</table><p>").append(n).append(" e-mails.</p></body></html>\n");
            Path page = folder.resolve("index.html");
            Files.writeString(page, index, StandardCharsets.UTF_8);
            return page;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the mail folder " + folder, e);
        }
    }

    private static String page(SentMail message) {
        String extraHeaders = message.headers().entrySet().stream()
                .map(h -> "<br>" + escape(h.getKey()) + ": " + escape(h.getValue()))
                .reduce("", String::concat);
        String headers = "<p style=\"font-family:monospace;background:#eee;padding:8px\">From: "
                + escape(message.from()) + "<br>To: " + escape(String.join(", ", message.to()))
                + "<br>Subject: " + escape(message.subject()) + extraHeaders + "</p>";
        String html = message.html() == null ? "<pre>" + escape(message.text()) + "</pre>" : message.html();
        return headers + html;
    }

    private static Instant sentAt(Map<String, AttributeValue> entry) {
        return entry != null && entry.containsKey("settledAt")
                ? Instant.parse(entry.get("settledAt").s())
                : Instant.EPOCH;
    }

    private static String text(Map<String, AttributeValue> entry, String name) {
        return entry != null && entry.containsKey(name) ? entry.get(name).s() : "";
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
