package dev.storecrm.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PlantedEffectsTest {

    private static final Instant SENT = Instant.parse("2027-01-10T02:00:00Z");

    @Test
    void theDefaultsAndWhatTheCommandLineReplaces() {
        PlantedEffects effects = PlantedEffects.parse("cart=25,birthday=2.5");
        assertEquals(0.25, effects.of("cart"), 1e-12);
        assertEquals(0.025, effects.of("birthday"), 1e-12);
        assertEquals(0.10, effects.of("win-back"), 1e-12, "the journeys not named keep their default");
        assertEquals(0, effects.of("order-feedback"));
        assertEquals(0, effects.of("a-journey-of-tomorrow"));
    }

    @Test
    void aBadEffectIsRefusedSayingWhy() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PlantedEffects.parse("cart=80")).getMessage()
                .contains("cart's effect must be between 0 and 50"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PlantedEffects.parse("cart=lots"))
                .getMessage().contains("must be a number"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PlantedEffects.parse("cart")).getMessage()
                .contains("journey=points"));
    }

    @Test
    void onlyTheFirstStepOfAJourneyOfStepsCarriesTheEffect() {
        assertTrue(PlantedEffects.firstStep("cart", "reminder"));
        assertFalse(PlantedEffects.firstStep("cart", "coupon"));
        assertTrue(PlantedEffects.firstStep("win-back", "1"));
        assertFalse(PlantedEffects.firstStep("win-back", "2"));
        assertTrue(PlantedEffects.firstStep("broadcast", "sim-spring-news"));
    }

    /** A member who got the mail buys within the window with the chance b + effect. */
    @Test
    void theChanceWithoutAnOwnOrderMakesTheEffectExact() {
        double rate = 2 / 90.0;
        double anyway = 1 - Math.exp(-0.96 * rate * 7);
        double chance = PlantedEffects.parse("cart=15").chanceWithout("cart", rate, Duration.ofDays(7));
        assertEquals(0.15, anyway + (1 - anyway) * chance - anyway, 1e-12);
    }

    @Test
    void aMemberWhoPaysWithinTheWindowAnywayIsNotMovedAndOnlyTheFirstStepCounts() {
        PlantedAnswers answers = new PlantedAnswers(PlantedEffects.parse("cart=50"), SENT.plus(Duration.ofDays(30)));
        SimMember member = new SimMember("sim-c-00001", "Sample Member 1", "sim-c-00001@example.com", "en",
                ZoneId.of("Europe/Berlin"), "DE", "email", null, null, true, SENT.minus(Duration.ofDays(400)), 0.01);
        answers.paid(member.id(), SENT.plus(Duration.ofDays(3)));
        Random random = new Random(1);
        for (int i = 0; i < 50; i++) {
            assertTrue(answers.orderAt(member, new MailJourneys.Sent("cart", "reminder", SENT), SENT, random)
                    .isEmpty());
        }
        assertTrue(answers.orderAt(member, new MailJourneys.Sent("cart", "coupon", SENT.plus(Duration.ofDays(8))),
                SENT.plus(Duration.ofDays(8)), random).isEmpty());
        assertEquals(50, answers.reached().get("cart"), "the coupon step's mail is not the journey's first");
        int moved = 0;
        for (int i = 0; i < 400; i++) {
            Instant later = SENT.plus(Duration.ofDays(4));
            var order = answers.orderAt(member, new MailJourneys.Sent("cart", "reminder", later), later, random);
            if (order.isPresent()) {
                moved++;
                assertTrue(order.get().isAfter(later) && order.get().isBefore(later.plus(Duration.ofDays(7))));
            }
        }
        assertTrue(moved > 150 && moved < 260, "about half the members without an own order move: " + moved);
    }
}
