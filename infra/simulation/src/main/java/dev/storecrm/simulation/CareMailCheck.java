package dev.storecrm.simulation;

import dev.storecrm.domain.caremail.CareIntake;
import dev.storecrm.domain.caremail.CareMessages;
import dev.storecrm.localcloud.LocalCloud;
import dev.storecrm.localcloud.SentMail;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The customer mail invariants, judged on the CareMailTable, the send ledger and the RejectsTable after a run
 * ({@link CustomerMail} writes the mail): every customer mail taken is in a conversation acknowledged once (its
 * acknowledgement settled in the ledger, sent or skipped with a reason, never failed or missing); no conversation
 * without an answer deadline after it opened; no automatic mail (an out-of-office reply, a bounce) taken or
 * answered: each is refused in the RejectsTable and has no acknowledgement; every agent's reply ({@link CareAgents})
 * sent as exactly one mail. The report counts conversations by category: open, urgent, past their deadline at the
 * end, answered, and answered in time.
 */
final class CareMailCheck {

    static final String ACKNOWLEDGED = "every customer mail acknowledged once";
    static final String DEADLINE = "no customer mail without an answer deadline";
    static final String NO_AUTO_REPLY = "no auto-reply answered";
    static final String ONE_MAIL_PER_REPLY = "every agent's reply to customer mail sent as exactly one mail";

    private final List<Map<String, AttributeValue>> items;
    private final List<Map<String, AttributeValue>> rejects;
    /** The conversations of erased members (under a pseudonym): the ledger the checks get leaves their mail out. */
    private final Set<String> erased = new HashSet<>();

    CareMailCheck(LocalCloud cloud) {
        this.items = Invariants.scan(cloud, "CareMailTable");
        this.rejects = Invariants.scan(cloud, "RejectsTable");
        items.stream().filter(item -> item.get("sk").s().equals("C") && ErasureRequests.pseudonymous(item))
                .forEach(item -> erased.add(item.get("pk").s().substring(2)));
    }

    void check(List<Map<String, AttributeValue>> ledger, List<SentMail> mail, Invariants invariants) {
        List.of(ACKNOWLEDGED, DEADLINE, NO_AUTO_REPLY, ONE_MAIL_PER_REPLY).forEach(invariants::list);
        Map<String, Map<String, AttributeValue>> byKey = new HashMap<>();
        ledger.forEach(entry -> byKey.put(entry.get("businessKey").s(), entry));
        for (Map<String, AttributeValue> item : items) {
            String pk = item.get("pk").s();
            if (pk.startsWith("MID#") && !erased.contains(item.get("conversationId").s())) {
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
        replies(byKey, mail, invariants);
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

    /**
     * Each reply (its mark {@code R#<request key>}) is settled in the ledger (sent, or skipped with a reason), and
     * the SES emulator holds as many replies (a reply's subject) carrying the conversation's {@code Reply-To} token
     * as the ledger sent replies for it (the acknowledgement and delay notices carry the token too): none lost, none
     * doubled by a request sent twice.
     */
    private void replies(Map<String, Map<String, AttributeValue>> byKey, List<SentMail> mail, Invariants invariants) {
        Map<String, Integer> sent = new HashMap<>();
        for (Map<String, AttributeValue> item : items) {
            String conversation = item.get("pk").s().substring(2);
            if (!item.get("sk").s().startsWith("R#") || erased.contains(conversation)) {
                continue;
            }
            String key = CareMessages.replyKey(conversation, item.get("sk").s().substring(2));
            Map<String, AttributeValue> entry = byKey.get(key);
            String status = entry == null ? "missing" : entry.get("status").s();
            if (!status.equals("SENT") && !(status.equals("SKIPPED") && entry.containsKey("reason"))) {
                invariants.violation(ONE_MAIL_PER_REPLY, key + ": " + status);
            }
            sent.merge(conversation, status.equals("SENT") ? 1 : 0, Integer::sum);
            invariants.checked(ONE_MAIL_PER_REPLY);
        }
        Map<String, Integer> delivered = new HashMap<>();
        for (SentMail message : mail.stream().filter(m -> CareMessages.isReply(m.subject())).toList()) {
            message.replyTo().stream().filter(r -> r.contains("+c-")).forEach(r -> delivered.merge(
                    r.substring(r.indexOf('+') + 1, r.indexOf('@')), 1, Integer::sum));
        }
        sent.forEach((conversation, count) -> {
            if (!count.equals(delivered.getOrDefault(conversation, 0))) {
                invariants.violation(ONE_MAIL_PER_REPLY, conversation + ": " + count + " replies sent, "
                        + delivered.getOrDefault(conversation, 0) + " mails");
            }
        });
    }

    /** An automatic customer mail the care intake refused by design (never to be answered), not a refused event. */
    static boolean refusedCustomerMail(Map<String, AttributeValue> reject) {
        return "care-mail".equals(reject.get("consumer").s()) && "REFUSED_MAIL".equals(reject.get("reason").s());
    }

    /**
     * Conversations by category: all, open, urgent, past their deadline at the end (of the open ones), answered by
     * an agent, and of those the share whose first reply met the deadline it answered.
     */
    String report(Instant end) {
        Map<String, Map<String, AttributeValue>> firstReply = new HashMap<>();
        for (Map<String, AttributeValue> item : items) {
            if (item.get("sk").s().startsWith("R#")) {
                firstReply.merge(item.get("pk").s(), item,
                        (a, b) -> instant(a, "at").isAfter(instant(b, "at")) ? b : a);
            }
        }
        Map<String, int[]> counts = new TreeMap<>();
        for (Map<String, AttributeValue> item : items) {
            if (item.get("sk").s().equals("C")) {
                int[] c = counts.computeIfAbsent(item.get("category").s(), k -> new int[6]);
                boolean open = item.get("status").s().equals("open");
                c[0]++;
                c[1] += open ? 1 : 0;
                c[2] += item.get("urgent").bool() ? 1 : 0;
                c[3] += open && Instant.parse(item.get("answerBy").s()).isBefore(end) ? 1 : 0;
                Map<String, AttributeValue> reply = firstReply.get(item.get("pk").s());
                c[4] += reply != null ? 1 : 0;
                c[5] += reply != null && !instant(reply, "at").isAfter(instant(reply, "answerBy")) ? 1 : 0;
            }
        }
        long refused = rejects.stream().filter(r -> "care-mail".equals(r.get("consumer").s())).count();
        StringBuilder report = new StringBuilder(String.format("  %-12s %13s %6s %7s %16s %9s %15s%n", "category",
                "conversations", "open", "urgent", "deadline passed", "answered", "answered in time"));
        counts.forEach((category, c) -> report.append(String.format("  %-12s %13d %6d %7d %16d %9d %9d (%3d%%)%n",
                category, c[0], c[1], c[2], c[3], c[4], c[5], c[4] == 0 ? 0 : Math.round(100.0 * c[5] / c[4]))));
        return report.append("  automatic mail refused (never answered): ").append(refused).append('\n').toString();
    }

    private static Instant instant(Map<String, AttributeValue> item, String name) {
        return Instant.parse(item.get(name).s());
    }
}
