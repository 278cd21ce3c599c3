package dev.storecrm.greetings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.fixtures.events.Events;
import dev.storecrm.fixtures.triggers.ScheduledEvents;
import dev.storecrm.localcloud.LocalStore;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A member's birthday morning in Shanghai with a cart reminder and a win-back step also due, through the
 * real member archive, cart recovery, win-back, greetings, timer sweep and sender, under the default
 * 16-hour marketing cap: the greeting goes on the birthday whichever message reaches the sender first;
 * the lower-priority messages wait for the slot, or, when it outlasts their own deadline, expire and say why.
 */
class BirthdayMorningIT {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** 09:00 on 15 March 2027 in Shanghai: the greeting hour of the birthday, and the end of the quiet hours. */
    private static final Instant NINE = Instant.parse("2027-03-15T01:00:00Z");
    private static final LocalDate BIRTHDAY = LocalDate.of(2027, 3, 15);
    private static final String MEMBER = "c-morning";

    // Holdouts off: the test follows one member's every journey (holdouts are HoldoutIT's subject).
    @RegisterExtension
    final LocalStore local = LocalStore.at(NINE.minus(Duration.ofDays(61)))
            .with(Map.of("GREETING_SHARDS", "1", "HOLDOUT_PERCENT", "0"));

    @Test
    void theGreetingTakesTheSlotACartReminderTookFirstAndTheWinBackStepWaits() {
        morning();
        walk(NINE.plus(Duration.ofDays(5)), false);
        Map<String, String> sent = sentByTemplate();
        assertEquals(BIRTHDAY + " 09", sent.get("cart-reminder"), "the reminder reached the sender first: " + sent);
        assertEquals(BIRTHDAY + " 09", sent.get("birthday-greeting"), "the greeting still goes on the day: " + sent);
        assertLaterThanTheBirthday(sent, "win-back-1");
        assertLaterThanTheBirthday(sent, "cart-coupon");
        assertEquals(4, sent.size(), "nothing lost: " + sent);
        assertEquals(Map.of(), notSent());
    }

    @Test
    void theGreetingFirstHoldsTheSlotTheWinBackStepWaitsAndTheCartReminderGivesWayToTheCoupon() {
        morning();
        walk(NINE.plus(Duration.ofDays(5)), true);
        Map<String, String> sent = sentByTemplate();
        assertEquals(BIRTHDAY + " 09", sent.get("birthday-greeting"));
        assertEquals(1, sent.values().stream().filter(day -> day.startsWith(BIRTHDAY.toString())).count(),
                "the greeting alone on the birthday: " + sent);
        assertLaterThanTheBirthday(sent, "win-back-1");
        assertLaterThanTheBirthday(sent, "cart-coupon");
        // The reminder is worth sending only until the coupon's step: the greeting's slot outlasts that, and a
        // reminder does not take a greeting's slot, so it really expires, and says why.
        assertEquals(Map.of("CART#cart-morning#reminder", "EXPIRED_UNDER_CAP"), notSent());
        assertEquals(3, sent.size(), "the rest went: " + sent);
    }

    @Test
    void aSecondGreetingOnTheSameDayReallyExpiresAndSaysWhy() {
        local.publish(Events.memberRegistered(MEMBER).at("2026-01-10T00:00:00Z").name("Ann")
                .timeZone(SHANGHAI.getId()).birthday("1990-03-15").anniversary("wedding", "2015-03-15")
                .contactPreference("email").json());
        local.functions().drainAll();
        walk(NINE.plus(Duration.ofDays(1)), true);
        assertEquals(1, sentByTemplate().size(), "one greeting went: " + sentByTemplate());
        assertEquals(List.of("EXPIRED_UNDER_CAP"), List.copyOf(notSent().values()),
                "the other is counted with its reason: " + notSent());
    }

    /**
     * The member (birthday 15 March, registered long before), an order paid 60 days before 10:00 on the
     * birthday (so the first win-back step falls due then), and a cart left at 07:30 (its reminder is due
     * at 08:30, in the quiet hours, so it waits for 09:00; its coupon follows the next morning).
     */
    private void morning() {
        local.publish(Events.memberRegistered(MEMBER).at("2026-01-10T00:00:00Z").name("Ann")
                .timeZone(SHANGHAI.getId()).birthday("1990-03-15").contactPreference("email").json());
        local.functions().drainAll();
        Instant paid = NINE.plus(Duration.ofHours(1)).minus(Duration.ofDays(60));
        local.clock().set(paid);
        local.publish(Events.orderPaid(MEMBER, "o-morning-1").at(paid).json());
        local.functions().drainAll();
        Instant cartLeft = NINE.minus(Duration.ofMinutes(90));
        local.advanceTo(cartLeft);
        local.publish(Events.cartUpdated("cart-morning").customerId(MEMBER).at(cartLeft).json());
        local.functions().drainAll();
    }

    /**
     * Hour by hour to {@code end}: the timer sweep and the hourly greeting run, in the order given (which
     * message reaches the sender first at 09:00).
     */
    private void walk(Instant end, boolean greetingsFirst) {
        Instant hour = local.clock().instant().plus(Duration.ofHours(1))
                .truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        for (; !hour.isAfter(end); hour = hour.plus(Duration.ofHours(1))) {
            if (greetingsFirst) {
                local.clock().set(hour);
                local.functions().invoke("GreetingsFunction", ScheduledEvents.asMap(hour));
            }
            local.advanceTo(hour);
            if (!greetingsFirst) {
                local.functions().invoke("GreetingsFunction", ScheduledEvents.asMap(hour));
            }
            local.functions().drainAll();
        }
    }

    private List<Map<String, AttributeValue>> ledger() {
        return local.cloud().dynamoDb().scan(s -> s.tableName(local.cloud().tableName("SendLedgerTable"))).items()
                .stream()
                .filter(item -> item.containsKey("customerId") && MEMBER.equals(item.get("customerId").s()))
                .toList();
    }

    /** The member's mail that went, by template: the local date and hour it went. */
    private Map<String, String> sentByTemplate() {
        Map<String, String> sent = new TreeMap<>();
        for (Map<String, AttributeValue> item : ledger()) {
            if ("SENT".equals(item.get("status").s())) {
                var local = Instant.parse(item.get("settledAt").s()).atZone(SHANGHAI);
                sent.put(item.get("templateId").s(), local.toLocalDate() + " %02d".formatted(local.getHour()));
            }
        }
        return sent;
    }

    /** The member's messages that did not go, by business key: the reason. */
    private Map<String, String> notSent() {
        Map<String, String> reasons = new TreeMap<>();
        ledger().stream().filter(item -> !"SENT".equals(item.get("status").s()))
                .forEach(item -> reasons.put(item.get("businessKey").s(), item.get("status").s().equals("CLAIMED")
                        ? "CLAIMED" : item.get("reason").s()));
        return reasons;
    }

    private void assertLaterThanTheBirthday(Map<String, String> sent, String template) {
        assertTrue(sent.containsKey(template), template + " was sent in the end: " + sent + "; not sent: "
                + notSent() + "; " + ledger());
        assertTrue(LocalDate.parse(sent.get(template).substring(0, 10)).isAfter(BIRTHDAY),
                template + " waited for the greeting's window: " + sent);
    }
}
