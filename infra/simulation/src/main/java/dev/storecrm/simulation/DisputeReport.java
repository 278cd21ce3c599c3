package dev.storecrm.simulation;

import dev.storecrm.localcloud.LocalCloud;
import dev.storecrm.localcloud.SentMail;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What the care team would see of the sample disputes: each dispute's state and history; and the mail
 * that went out.
 */
final class DisputeReport {

    private final LocalCloud cloud;

    DisputeReport(LocalCloud cloud) {
        this.cloud = cloud;
    }

    String disputes() {
        Map<String, Integer> entries = new TreeMap<>();
        scan("DisputeHistoryTable").stream().filter(e -> !e.get("seq").s().startsWith("~"))
                .forEach(e -> entries.merge(e.get("disputeId").s(), 1, Integer::sum));
        TextTable table = new TextTable("dispute", "channel", "reason", "order", "status", "resolution",
                "next deadline", "history");
        scan("DisputesTable").stream().sorted(Comparator.comparing(d -> d.get("disputeId").s())).forEach(d -> table.row(
                d.get("disputeId").s(), text(d, "channel"), text(d, "reason"), text(d, "orderId"), text(d, "status"),
                text(d, "resolution"), d.containsKey("nextDeadline")
                        ? d.get("nextDeadline").s() + " " + d.get("nextDeadlineAt").s() : null,
                entries.getOrDefault(d.get("disputeId").s(), 0) + " entries"));
        return table.isEmpty() ? "(none)\n" : table.render();
    }

    String history() {
        TextTable table = new TextTable("dispute", "at", "kind", "outcome", "effect");
        scan("DisputeHistoryTable").stream().filter(e -> !e.get("seq").s().startsWith("~"))
                .sorted(Comparator.comparing((Map<String, AttributeValue> e) -> e.get("disputeId").s())
                        .thenComparing(e -> e.get("seq").s()))
                .forEach(e -> table.row(e.get("disputeId").s(), e.get("at").s(), e.get("kind").s(),
                        e.get("outcome").s(), e.get("effect").s()));
        return table.isEmpty() ? "(none)\n" : table.render();
    }

    String mail() {
        TextTable table = new TextTable("to", "subject");
        for (SentMail mail : cloud.sentMail()) {
            table.row(String.join(", ", mail.to()), mail.subject());
        }
        return table.isEmpty() ? "(none)\n" : table.render();
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        return item.containsKey(name) ? item.get(name).s() : null;
    }

    private List<Map<String, AttributeValue>> scan(String table) {
        return Invariants.scan(cloud, table); // every page: a store of a few thousand members outgrows one
    }
}
