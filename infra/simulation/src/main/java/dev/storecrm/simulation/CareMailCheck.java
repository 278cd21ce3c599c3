package dev.storecrm.simulation;

import dev.storecrm.domain.caremail.CareIntake;
import dev.storecrm.domain.caremail.CareMessages;
import dev.storecrm.localcloud.LocalCloud;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The customer mail invariants, judged on the CareMailTable, the send ledger and the RejectsTable after a run
 * ({@link CustomerMail} writes the mail): every customer mail taken is in a conversation acknowledged once (its
 * acknowledgement settled in the ledger, sent or skipped with a reason, never failed or missing); no conversation
 * without an answer deadline after it opened; no automatic mail (an out-of-office reply, a bounce) taken or
 * answered: each is refused in the RejectsTable and has no acknowledgement. The report counts conversations by
 * category: open, urgent, past their deadline at the end.
 */
final class CareMailCheck {

    static final String ACKNOWLEDGED = "every customer mail acknowledged once";
    static final String DEADLINE = "no customer mail without an answer deadline";
    static final String NO_AUTO_REPLY = "no auto-reply answered";

    private final List<Map<String, AttributeValue>> items;
    private final List<Map<String, AttributeValue>> rejects;

    CareMailCheck(LocalCloud cloud) {
        this.items = Invariants.scan(cloud, "CareMailTable");
        this.rejects = Invariants.scan(cloud, "RejectsTable");
    }

    void check(List<Map<String, AttributeValue>> ledger, Invariants invariants) {
        List.of(ACKNOWLEDGED, DEADLINE, NO_AUTO_REPLY).forEach(invariants::list);
        Map<String, Map<String, AttributeValue>> byKey = new HashMap<>();
        ledger.forEach(entry -> byKey.put(entry.get("businessKey").s(), entry));
        for (Map<String, AttributeValue> item : items) {
            String pk = item.get("pk").s();
            if (pk.startsWith("MID#")) {
                String messageId = pk.substring(4);
                if (messageId.endsWith(CustomerMail.AUTO_DOMAIN)) {
                    invariants.violation(NO_AUTO_REPLY, "the automatic mail " + messageId + " was taken");
                }
                Map<String, AttributeValue> ack = byKey.get(CareMessages.ackKey(item.get("conversationId").s()));
                String status = ack == null ? "missing" : ack.get("status").s();
                if (!status.equals("SENT") && !(status.equals("SKIPPED") && ack.containsKey("reason"))) {
                    invariants.violation(ACKNOWLEDGED, messageId + ": acknowledgement " + status);
                }
                invariants.checked(ACKNOWLEDGED);
            } else if (item.get("sk").s().equals("C")) {
                boolean timely = item.containsKey("answerBy") && Instant.parse(item.get("answerBy").s())
                        .isAfter(Instant.parse(item.get("openedAt").s()));
                if (!timely) {
                    invariants.violation(DEADLINE, item.get("conversationId").s() + " has no deadline after it opened");
                }
                invariants.checked(DEADLINE);
            }
        }
        for (Map<String, AttributeValue> reject : rejects) {
            String body = reject.containsKey("body") ? reject.get("body").s() : "";
            int at = body.indexOf(CustomerMail.AUTO_DOMAIN);
            if (!"care-mail".equals(reject.get("consumer").s()) || at < 0) {
                continue;
            }
            String messageId = body.substring(body.lastIndexOf('<', at) + 1, at + CustomerMail.AUTO_DOMAIN.length());
            if (byKey.containsKey(CareMessages.ackKey(CareIntake.conversationId(messageId)))) {
                invariants.violation(NO_AUTO_REPLY, "the automatic mail " + messageId + " was acknowledged");
            }
            invariants.checked(NO_AUTO_REPLY);
        }
    }

    /** An automatic customer mail the care intake refused by design (never to be answered), not a refused event. */
    static boolean refusedCustomerMail(Map<String, AttributeValue> reject) {
        return "care-mail".equals(reject.get("consumer").s()) && "REFUSED_MAIL".equals(reject.get("reason").s());
    }

    /** Conversations by category: all, open, urgent, past their deadline at the end. */
    String report(Instant end) {
        Map<String, int[]> counts = new TreeMap<>();
        for (Map<String, AttributeValue> item : items) {
            if (item.get("sk").s().equals("C")) {
                int[] c = counts.computeIfAbsent(item.get("category").s(), k -> new int[4]);
                c[0]++;
                c[1] += item.get("status").s().equals("open") ? 1 : 0;
                c[2] += item.get("urgent").bool() ? 1 : 0;
                c[3] += Instant.parse(item.get("answerBy").s()).isBefore(end) ? 1 : 0;
            }
        }
        long refused = rejects.stream().filter(r -> "care-mail".equals(r.get("consumer").s())).count();
        StringBuilder report = new StringBuilder(String.format("  %-12s %13s %6s %7s %16s%n", "category",
                "conversations", "open", "urgent", "deadline passed"));
        counts.forEach((category, c) -> report.append(String.format("  %-12s %13d %6d %7d %16d%n", category, c[0],
                c[1], c[2], c[3])));
        return report.append("  automatic mail refused (never answered): ").append(refused).append('\n').toString();
    }
}
