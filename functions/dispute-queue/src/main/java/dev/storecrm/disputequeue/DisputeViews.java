package dev.storecrm.disputequeue;

import dev.storecrm.domain.dispute.ChasePlanner;
import dev.storecrm.domain.dispute.Deadline;
import dev.storecrm.domain.dispute.Dispute;
import dev.storecrm.domain.dispute.DisputeIndex;
import dev.storecrm.domain.dispute.HistoryEntry;
import dev.storecrm.domain.json.tree.ArrayNode;
import dev.storecrm.domain.json.tree.ObjectMapper;
import dev.storecrm.domain.json.tree.ObjectNode;
import dev.storecrm.domain.messaging.MessageRequest;
import dev.storecrm.domain.messaging.Recipient;
import dev.storecrm.domain.money.Money;
import java.time.Instant;
import java.util.List;

/** The queue's JSON: a listed dispute, a dispute with its deadlines and history, an error. */
final class DisputeViews {

    static final ObjectMapper JSON = new ObjectMapper();

    private final ChasePlanner planner;
    private final String agentLocale;

    DisputeViews(ChasePlanner planner, String agentLocale) {
        this.planner = planner;
        this.agentLocale = agentLocale;
    }

    ObjectNode listed(DisputeIndex.Listed listed) {
        ObjectNode node = JSON.createObjectNode();
        node.put("disputeId", listed.disputeId());
        node.put("status", listed.status().name());
        node.put("statusSince", listed.statusSince().toString());
        listed.orderId().ifPresent(v -> node.put("orderId", v));
        listed.customerId().ifPresent(v -> node.put("customerId", v));
        listed.channel().ifPresent(v -> node.put("channel", v));
        listed.reason().ifPresent(v -> node.put("reason", v));
        if (listed.amount().isPresent() && listed.currency().isPresent()) {
            node.set("amount", money(Money.of(listed.amount().get(), listed.currency().get())));
        }
        listed.nextDeadline().ifPresent(v -> node.put("nextDeadline", v));
        listed.nextDeadlineAt().ifPresent(v -> node.put("nextDeadlineAt", v.toString()));
        return node;
    }

    ObjectNode dispute(Dispute dispute, Instant now) {
        ObjectNode node = JSON.createObjectNode();
        node.put("disputeId", dispute.disputeId());
        dispute.status().ifPresent(s -> {
            node.put("status", s.value().name());
            node.put("statusSince", s.stamp().at().toString());
        });
        dispute.resolution().ifPresent(r -> node.put("resolution", r.value().name()));
        dispute.opening().ifPresent(o -> {
            node.put("orderId", o.orderId());
            node.put("customerId", o.customerId());
            node.put("channel", o.channel());
            node.put("reason", o.reason().name());
            node.set("amount", money(o.amount()));
            node.put("openedAt", o.stamp().at().toString());
        });
        ObjectNode proposals = node.putObject("proposals");
        dispute.proposals().forEach((party, fact) -> {
            ObjectNode proposal = proposals.putObject(party.name());
            proposal.set("refund", money(fact.value().refund()));
            proposal.put("returnGoods", fact.value().returnGoods());
            fact.value().text().ifPresent(t -> proposal.put("text", t));
            proposal.put("at", fact.stamp().at().toString());
        });
        dispute.evidenceDueBy().ifPresent(e -> node.put("evidenceDueBy", e.value().toString()));
        dispute.returnTracking().ifPresent(t -> node.put("returnTrackingNumber", t.value()));
        ArrayNode deadlines = node.putArray("deadlines");
        for (Deadline deadline : planner.deadlines(dispute)) {
            ObjectNode d = deadlines.addObject();
            d.put("name", deadline.name());
            d.put("label", deadline.rule().labelIn(agentLocale));
            d.put("due", deadline.due().toString());
            d.put("responsible", deadline.rule().responsible().name());
            d.put("breached", !deadline.due().isAfter(now));
        }
        return node;
    }

    ObjectNode detail(Dispute dispute, List<HistoryEntry> history, Instant now) {
        ObjectNode node = dispute(dispute, now);
        ArrayNode entries = node.putArray("history");
        for (HistoryEntry entry : history) {
            ObjectNode e = entries.addObject();
            e.put("at", entry.seq().at().toString());
            e.put("id", entry.seq().eventId());
            e.put("kind", entry.kind());
            e.put("outcome", entry.outcome().name());
            entry.actor().ifPresent(a -> e.put("actor", a));
            ObjectNode details = e.putObject("details");
            entry.details().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                    .forEach(d -> details.put(d.getKey(), d.getValue()));
            e.put("effect", entry.effect());
            ArrayNode messages = e.putArray("messages");
            for (MessageRequest request : entry.requests()) {
                ObjectNode m = messages.addObject();
                m.put("template", request.templateId());
                m.put("businessKey", request.businessKey());
                m.put("to", request.recipient() instanceof Recipient.Address ? "staff" : "customer");
            }
        }
        return node;
    }

    static ObjectNode error(String error, String reason) {
        ObjectNode node = JSON.createObjectNode();
        node.put("error", error);
        node.put("reason", reason);
        return node;
    }

    private static ObjectNode money(Money money) {
        ObjectNode node = JSON.createObjectNode();
        node.put("amount", money.minor());
        node.put("currency", money.currency().getCurrencyCode());
        return node;
    }
}
