package dev.storecrm.disputequeue;

import dev.storecrm.domain.dispute.Dispute;
import dev.storecrm.domain.dispute.HistoryEntry;
import dev.storecrm.domain.json.tree.ArrayNode;
import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.ObjectNode;
import dev.storecrm.domain.messaging.MessageRequest;
import dev.storecrm.domain.messaging.Recipient;
import dev.storecrm.domain.messaging.SendLedger;
import dev.storecrm.platform.http.Html;
import dev.storecrm.platform.http.HttpAnswer;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;

/**
 * The evidence bundle of a dispute, ready to attach to a Stripe or Shopify dispute response:
 * everything the store sent the customer about the order (each message the dispute's history
 * records, with what the send ledger says became of it and when) and the dispute's whole history,
 * with times in the store's time zone. As JSON, or as a readable HTML page (every value escaped).
 */
final class EvidenceBundle {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx");

    private final SendLedger ledger;
    private final ZoneId storeZone;

    EvidenceBundle(SendLedger ledger, ZoneId storeZone) {
        this.ledger = ledger;
        this.storeZone = storeZone;
    }

    /** The bundle as JSON: the dispute, the messages to the customer with their ledger state, the history. */
    ObjectNode json(Dispute dispute, ObjectNode disputeView, Iterable<HistoryEntry> history, Instant now) {
        ObjectNode bundle = DisputeViews.JSON.createObjectNode();
        bundle.put("generatedAt", time(now));
        bundle.put("timeZone", storeZone.getId());
        bundle.set("dispute", disputeView.deepCopy().without("deadlines"));
        ArrayNode messages = bundle.putArray("messagesToCustomer");
        ArrayNode entries = bundle.putArray("history");
        for (HistoryEntry entry : history) {
            ObjectNode e = entries.addObject().put("at", time(entry.seq().at())).put("kind", entry.kind())
                    .put("outcome", entry.outcome().name()).put("effect", entry.effect());
            entry.actor().ifPresent(a -> e.put("actor", a));
            entry.details().forEach((k, v) -> e.with("details").put(k, v));
            for (MessageRequest request : entry.requests()) {
                if (!(request.recipient() instanceof Recipient.Address)) {
                    messages.add(message(request, entry));
                }
            }
        }
        return bundle;
    }

    private ObjectNode message(MessageRequest request, HistoryEntry entry) {
        ObjectNode m = DisputeViews.JSON.createObjectNode().put("requestedAt", time(entry.seq().at()))
                .put("template", request.templateId()).put("businessKey", request.businessKey());
        Optional<SendLedger.Entry> sent = ledger.find(request.businessKey(), false);
        m.put("status", sent.map(s -> s.status().name()).orElse("NOT_YET"));
        sent.map(SendLedger.Entry::settledAt).ifPresent(t -> m.put("settledAt", time(t)));
        sent.map(SendLedger.Entry::messageId).ifPresent(id -> m.put("messageId", id));
        sent.map(SendLedger.Entry::reason).ifPresent(r -> m.put("reason", r));
        return m;
    }

    /** The bundle as a download: JSON, or HTML for reading and printing. */
    HttpAnswer answer(ObjectNode bundle, String disputeId, boolean html) {
        String name = "evidence-" + disputeId + (html ? ".html" : ".json");
        String type = html ? "text/html; charset=utf-8" : "application/json; charset=utf-8";
        return new HttpAnswer(200, Map.of("Content-Type", type,
                "Content-Disposition", "attachment; filename=\"" + name + "\""),
                html ? html(bundle) : bundle.toString());
    }

    private static String html(ObjectNode bundle) {
        JsonNode d = bundle.get("dispute");
        StringBuilder page = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>Dispute " + esc(d.path("disputeId").asText()) + "</title><style>body{font:14px sans-serif;"
                + "margin:2em}table{border-collapse:collapse}td,th{border:1px solid #999;padding:4px 8px;"
                + "text-align:left;vertical-align:top}</style></head><body><h1>Dispute "
                + esc(d.path("disputeId").asText()) + "</h1><p>");
        String[] fields = {"orderId", "customerId", "channel", "reason", "status", "resolution", "openedAt"};
        for (String field : fields) {
            if (d.has(field)) {
                page.append(esc(field)).append(": <b>").append(esc(d.get(field).asText())).append("</b><br>");
            }
        }
        page.append("Generated ").append(esc(bundle.get("generatedAt").asText())).append(" (")
                .append(esc(bundle.get("timeZone").asText())).append(")</p><h2>Messages to the customer</h2>")
                .append(table(bundle.get("messagesToCustomer"), "requestedAt", "template", "status", "settledAt",
                        "messageId", "businessKey"))
                .append("<h2>History</h2>").append(table(bundle.get("history"), "at", "kind", "outcome", "actor",
                        "details", "effect"))
                .append("</body></html>");
        return page.toString();
    }

    private static String table(JsonNode rows, String... columns) {
        StringBuilder table = new StringBuilder("<table><tr>");
        for (String column : columns) {
            table.append("<th>").append(column).append("</th>");
        }
        table.append("</tr>");
        for (JsonNode row : rows) {
            table.append("<tr>");
            for (String column : columns) {
                JsonNode value = row.path(column);
                String text = value.isObject() ? value.toString() : value.asText("");
                table.append("<td>").append(esc(text)).append("</td>");
            }
            table.append("</tr>");
        }
        return table.append("</table>").toString();
    }

    private String time(Instant at) {
        return TIME.format(at.atZone(storeZone));
    }

    private static String esc(String text) {
        return Html.escape(text);
    }
}
