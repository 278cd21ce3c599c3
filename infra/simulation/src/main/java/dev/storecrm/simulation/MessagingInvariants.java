package dev.storecrm.simulation;

import dev.storecrm.domain.messaging.ChinaSmsNight;
import dev.storecrm.domain.messaging.QuietHours;
import dev.storecrm.localcloud.SentSms;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The messaging pipeline's invariants on channels and the cap, judged at the end of a run from the send
 * ledger and added to the others:
 * <ol>
 *   <li>nothing on a channel the member's preference excludes: marketing e-mail only to members who
 *       preferred e-mail or had given no preference when it went, marketing SMS (the texts the local SMS
 *       emulator accepted, matched to the ledger by the business key in their context) only to members who
 *       preferred SMS when it went (phone, post and none exclude both);</li>
 *   <li>no promotional SMS in the China night: none accepted between 20:00 and 08:00 China time (the
 *       sender's {@code SMS_CHINA_NIGHT}) for a member whose time zone was China's when it went;</li>
 *   <li>no greeting lost to the cap: a birthday or anniversary greeting settled {@code EXPIRED_UNDER_CAP}
 *       is lost only to another greeting of the member's sent within the cap's window before it (the same
 *       priority), never to a message of a lower priority.</li>
 * </ol>
 */
final class MessagingInvariants {

    static final String CHANNEL = "nothing on a channel the member's preference excludes";
    static final String GREETING_CAP = "no greeting lost to the cap";
    static final String CHINA_NIGHT = "no promotional SMS in the China night";

    private MessagingInvariants() {}

    static void check(List<Map<String, AttributeValue>> ledger, List<SentSms> texts, GroundTruth truth,
                      Map<String, String> senderEnvironment, Invariants invariants) {
        invariants.list(CHANNEL);
        invariants.list(GREETING_CAP);
        invariants.list(CHINA_NIGHT);
        Map<String, SentSms> byKey = new HashMap<>();
        texts.forEach(sms -> byKey.put(businessKey(sms), sms));
        chinaNight(ledger, byKey, truth, senderEnvironment, invariants);
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
                String channel = byKey.containsKey(entry.get("businessKey").s()) ? "sms" : "email";
                if (!preference.equals(channel)) {
                    invariants.violation(CHANNEL, entry.get("businessKey").s() + " went by " + channel + " at " + at
                            + " to " + customerId + ", who preferred " + preference);
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

    private static void chinaNight(List<Map<String, AttributeValue>> ledger, Map<String, SentSms> byKey,
                                   GroundTruth truth, Map<String, String> senderEnvironment, Invariants invariants) {
        QuietHours night = QuietHours.parse(senderEnvironment.getOrDefault("SMS_CHINA_NIGHT", ChinaSmsNight.DEFAULT));
        for (Map<String, AttributeValue> entry : ledger) {
            SentSms sms = byKey.get(entry.get("businessKey").s());
            if (sms == null || !"PROMOTIONAL".equals(sms.messageType()) || !entry.containsKey("customerId")) {
                continue;
            }
            Optional<ZoneId> zone = truth.member(entry.get("customerId").s()).zone.at(sms.at());
            if (!ChinaSmsNight.inChina(zone, Optional.empty())) {
                continue;
            }
            invariants.checked(CHINA_NIGHT);
            if (night.endIfQuiet(sms.at(), ChinaSmsNight.CHINA).isPresent()) {
                invariants.violation(CHINA_NIGHT, entry.get("businessKey").s() + " went by SMS at "
                        + sms.at().atZone(ChinaSmsNight.CHINA).toLocalTime() + " China time");
            }
        }
    }

    /** The texts the SMS emulator accepted, by journey (read from the ledger by the text's business key). */
    static String smsByJourney(List<SentSms> texts, List<Map<String, AttributeValue>> ledger) {
        Map<String, String> journeys = new HashMap<>();
        ledger.forEach(entry -> journeys.put(entry.get("businessKey").s(),
                entry.containsKey("journey") ? entry.get("journey").s() : "?"));
        Map<String, int[]> counts = new java.util.TreeMap<>();
        for (SentSms sms : texts) {
            int[] count = counts.computeIfAbsent(journeys.getOrDefault(businessKey(sms), "?"), j -> new int[2]);
            count["PROMOTIONAL".equals(sms.messageType()) ? 0 : 1]++;
        }
        TextTable table = new TextTable("journey", "promotional", "transactional");
        counts.forEach((journey, count) -> table.row(journey, count[0], count[1]));
        return table.render();
    }

    /** The business key a text carries in its context ({@code bk}, base64url), as the sender tags every message. */
    static String businessKey(SentSms sms) {
        String bk = sms.context().getOrDefault("bk", "");
        return new String(Base64.getUrlDecoder().decode(bk), StandardCharsets.UTF_8);
    }

    private static boolean greeting(Map<String, AttributeValue> entry) {
        String key = entry.get("businessKey").s();
        return key.startsWith("BIRTHDAY#") || key.startsWith("ANNIVERSARY#");
    }
}
