package dev.storecrm.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storecrm.domain.campaign.Lift;
import dev.storecrm.localcloud.LocalCloud;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The planted-effect benchmark in small ({@code ./dev bench lift} runs it long): a quiet store of 150 members
 * over 30 days, half of each journey held out, the cart journey's mail planted with +40 points of conversion and
 * the order follow-up's (as by default) with none. The lift report, read through CareListsFunction, must find the
 * cart's effect (the cart reminder's interval above 0 and around the truth) and no effect of the order follow-up
 * (its interval around 0). The other journeys' groups are too small here for a judgement. A report that
 * ignored the holdout (every member counted as treated, or the held out getting the mail) finds neither.
 */
class PlantedLiftIT {

    private static LocalCloud cloud;
    private static StoreLift.Measured measured;

    @TempDir
    static Path output;

    @BeforeAll
    static void run() {
        cloud = LocalCloud.start().provision();
        SimulationOptions options = new SimulationOptions(150, 30, 20270104L, false, LocalDate.of(2027, 1, 4),
                output).withEffects(PlantedEffects.parse("cart=40,win-back=0"));
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        measured = StoreLift.measure(cloud, options, "50", new PrintStream(progress, true, StandardCharsets.UTF_8));
        System.out.println(measured.render());
    }

    @AfterAll
    static void stop() {
        if (cloud != null) {
            cloud.close();
        }
    }

    @Test
    void theCartsPlantedEffectIsFoundWithinItsInterval() {
        StoreLift.Line cart = measured.line("cart").orElseThrow();
        Lift.Interval interval = cart.difference().orElseThrow();
        assertTrue(cart.heldOut() > 30 && cart.treated() > 30, measured.render());
        assertTrue(cart.reached() > cart.treated() / 2, "most treated carts' members saw the mail: "
                + measured.render());
        assertTrue(interval.low() > 0, "the cart's mail has an effect: " + measured.render());
        assertTrue(interval.low() <= cart.truth() && cart.truth() <= interval.high(), measured.render());
    }

    @Test
    void aJourneyWithoutEffectShowsNone() {
        StoreLift.Line feedback = measured.line("order-feedback").orElseThrow();
        Lift.Interval interval = feedback.difference().orElseThrow();
        assertTrue(feedback.heldOut() > 15 && feedback.treated() > 15, measured.render());
        assertEquals(0, feedback.truth());
        assertTrue(interval.low() <= 0 && 0 <= interval.high(), "the order follow-up's mail planted no effect: "
                + measured.render());
    }
}
