package dev.storecrm.greetings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.storecrm.domain.campaign.Holdout;
import dev.storecrm.fixtures.events.Events;
import dev.storecrm.fixtures.triggers.ScheduledEvents;
import dev.storecrm.localcloud.LocalStore;
import dev.storecrm.localcloud.SentMail;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Holdouts through the real member archive, greetings, cart recovery, win-back, timer sweep and sender, with
 * {@code HOLDOUT_PERCENT} at 50: a member the hash holds out of this year's birthday, of the cart and of the
 * win-back episode gets no mail and no coupon from any of them, and every step is in the send ledger as held
 * out; a member held out of none gets the journeys as before.
 */
class HoldoutIT {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** 09:00 on 15 March 2027 in Shanghai: the greeting hour of the birthday. */
    private static final Instant NINE = Instant.parse("2027-03-15T01:00:00Z");
    /** The order that starts the win-back episode: its first step falls due at 10:00 on the birthday. */
    private static final Instant PAID = NINE.plus(Duration.ofHours(1)).minus(Duration.ofDays(60));
    private static final Holdout HALF = Holdout.percent("50");

    @RegisterExtension
    final LocalStore local = LocalStore.at(NINE.minus(Duration.ofDays(61)))
            .with(Map.of("GREETING_SHARDS", "1", "HOLDOUT_PERCENT", "50"));

    @Test
    void aHeldOutMemberGetsNoMailNorCouponFromAnyJourneyAndEachStepIsRecordedAsHeldOut() {
        String held = member(id -> heldOutOfAll(id, true));
        String treated = member(id -> heldOutOfAll(id, false));
        for (String member : List.of(held, treated)) {
            register(member);
        }
        orderAndCart(List.of(held, treated));

        walk(NINE.plus(Duration.ofDays(5)));

        String episode = PAID.atOffset(ZoneOffset.UTC).toLocalDate().toString();
        assertEquals(Map.of("BIRTHDAY#" + held + "#2027", "HELD_OUT", "CART#cart-" + held + "#reminder", "HELD_OUT",
                "CART#cart-" + held + "#coupon", "HELD_OUT", "WINBACK#" + held + "#" + episode + "#1", "HELD_OUT"),
                ledger(held), "every step of every journey is recorded as held out, and nothing else");
        assertEquals(List.of(), mailTo(held), "no mail to the held-out member");
        assertEquals(List.of(), couponsOf(held), "no coupon issued to the held-out member");

        // As in BirthdayMorningIT: the greeting holds the member's slot on the birthday, so the cart reminder
        // (worth sending only until the coupon's step) expires under the cap; the rest go later.
        assertEquals(Map.of("BIRTHDAY#" + treated + "#2027", "SENT", "CART#cart-" + treated + "#reminder",
                "EXPIRED_UNDER_CAP", "CART#cart-" + treated + "#coupon", "SENT",
                "WINBACK#" + treated + "#" + episode + "#1", "SENT"), ledger(treated));
        assertEquals(3, mailTo(treated).size(), "greeting, cart coupon, win-back step");
        assertEquals(List.of("birthday", "cart", "win-back"), couponsOf(treated), "the gift and the two coupons");
    }

    /** Whether the member is held out of this year's birthday, of the cart and of the win-back episode alike. */
    private static boolean heldOutOfAll(String id, boolean held) {
        String episode = PAID.atOffset(ZoneOffset.UTC).toLocalDate().toString();
        return HALF.holdsOut(id, "birthday", "2027") == held && HALF.holdsOut(id, "cart", "cart-" + id) == held
                && HALF.holdsOut(id, "win-back", episode) == held;
    }

    private static String member(Predicate<String> wanted) {
        return IntStream.range(0, 1_000).mapToObj(i -> "c-hold-" + i).filter(wanted).findFirst().orElseThrow();
    }

    private void register(String member) {
        local.publish(Events.memberRegistered(member).at("2026-01-10T00:00:00Z").name("Ann")
                .email(member + "@example.com").timeZone(SHANGHAI.getId()).birthday("1990-03-15")
                .contactPreference("email").json());
        local.functions().drainAll();
    }

    /** An order paid 60 days before 10:00 on the birthday, and a cart left at 07:30 on it, for each member. */
    private void orderAndCart(List<String> members) {
        local.clock().set(PAID);
        for (String member : members) {
            local.publish(Events.orderPaid(member, "o-" + member).at(PAID).json());
        }
        local.functions().drainAll();
        Instant cartLeft = NINE.minus(Duration.ofMinutes(90));
        local.advanceTo(cartLeft);
        for (String member : members) {
            local.publish(Events.cartUpdated("cart-" + member).customerId(member).at(cartLeft)
                    .json());
        }
        local.functions().drainAll();
    }

    /** Hour by hour to {@code end}: the hourly greeting run, then the timer sweep. */
    private void walk(Instant end) {
        for (Instant hour = local.clock().instant().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.HOURS);
             !hour.isAfter(end); hour = hour.plus(Duration.ofHours(1))) {
            local.clock().set(hour);
            local.functions().invoke("GreetingsFunction", ScheduledEvents.asMap(hour));
            local.advanceTo(hour);
            local.functions().drainAll();
        }
    }

    /** The member's send ledger: business key to status, or to the reason for what did not go. */
    private Map<String, String> ledger(String member) {
        Map<String, String> entries = new TreeMap<>();
        scan("SendLedgerTable").stream()
                .filter(item -> item.containsKey("customerId") && member.equals(item.get("customerId").s()))
                .forEach(item -> entries.put(item.get("businessKey").s(), "SENT".equals(item.get("status").s())
                        ? "SENT" : item.get("reason").s()));
        return entries;
    }

    private List<SentMail> mailTo(String member) {
        return local.cloud().sentMail().stream().filter(mail -> mail.to().contains(member + "@example.com")).toList();
    }

    /** The campaigns of the member's coupons, sorted. */
    private List<String> couponsOf(String member) {
        return scan("CouponsTable").stream()
                .filter(item -> item.containsKey("customerId") && member.equals(item.get("customerId").s()))
                .map(item -> item.get("campaign").s()).sorted().toList();
    }

    private List<Map<String, AttributeValue>> scan(String table) {
        return local.cloud().dynamoDb().scan(s -> s.tableName(local.cloud().tableName(table)).consistentRead(true))
                .items();
    }
}
