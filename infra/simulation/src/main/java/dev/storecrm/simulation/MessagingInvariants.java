package dev.storecrm.simulation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The messaging pipeline's invariants on channels and the cap, judged at the end of a run from the send
 * ledger and added to the others:
 * <ol>
 *   <li>nothing on a channel the member's preference excludes: marketing e-mail only to members who
 *       preferred e-mail or had given no preference when it went (SMS, phone, post and none exclude it);</li>
 *   <li>no greeting lost to the cap: a birthday or anniversary greeting settled {@code EXPIRED_UNDER_CAP}
 *       is lost only to another greeting of the member's sent within the cap's window before it (the same
 *       priority), never to a message of a lower priority.</li>
 * </ol>
 */
final class MessagingInvariants {

    static final String CHANNEL = "nothing on a channel the member's preference excludes";
    static final String GREETING_CAP = "no greeting lost to the cap";

    private MessagingInvariants() {}

    static void check(List<Map<String, AttributeValue>> ledger, GroundTruth truth,
                      Map<String, String> senderEnvironment, Invariants invariants) {
        invariants.list(CHANNEL);
        invariants.list(GREETING_CAP);
        Duration window = Duration.ofHours(Long.parseLong(senderEnvironment.getOrDefault("MARKETING_CAP_HOURS", "16")));
        Map<String, List<Instant>> greetingsSent = new HashMap<>();
        for (Map<String, AttributeValue> entry : ledger) {
            if (!entry.containsKey("customerId") || !"SENT".equals(entry.get("status").s())
                    || !entry.containsKey("settledAt")) {
                continue;
            }
            String customerId = entry.get("customerId").s();
            Instant at = Instant.parse(entry.get("settledAt").s());
            if (greeting(entry)) {
                greetingsSent.computeIfAbsent(customerId, id -> new ArrayList<>()).add(at);
            }
            if ("marketing".equalsIgnoreCase(entry.get("category").s())) {
                invariants.checked(CHANNEL);
                String preference = truth.member(customerId).preference.at(at).orElse("email");
                if (!preference.equals("email")) {
                    invariants.violation(CHANNEL, entry.get("businessKey").s() + " went by e-mail at " + at + " to "
                            + customerId + ", who preferred " + preference);
                }
            }
        }
        for (Map<String, AttributeValue> entry : ledger) {
            if (!greeting(entry) || !entry.containsKey("customerId")) {
                continue;
            }
            invariants.checked(GREETING_CAP);
            if (!"EXPIRED_UNDER_CAP".equals(entry.containsKey("reason") ? entry.get("reason").s() : "")) {
                continue;
            }
            Instant at = Instant.parse(entry.get("settledAt").s());
            boolean toAnotherGreeting = greetingsSent.getOrDefault(entry.get("customerId").s(), List.of()).stream()
                    .anyMatch(sent -> !sent.isAfter(at) && sent.isAfter(at.minus(window)));
            if (!toAnotherGreeting) {
                invariants.violation(GREETING_CAP, entry.get("businessKey").s() + " expired under the cap at " + at
                        + " though no other greeting held the member's slot");
            }
        }
    }

    private static boolean greeting(Map<String, AttributeValue> entry) {
        String key = entry.get("businessKey").s();
        return key.startsWith("BIRTHDAY#") || key.startsWith("ANNIVERSARY#");
    }
}
