package dev.storecrm.simulation;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * What each journey's mail does to the members who get it, planted in the simulated store so that the lift
 * report can be judged against a known truth (docs/campaigns.md, "The planted effects").
 *
 * <p>The effect is the journey's first step's: the cart reminder's and the first win-back mail's (a journey of
 * one step: its mail). A later step of the same cart or episode adds nothing, so that the first step's
 * assignments, which both groups reach alike, carry the journey's whole effect; the later steps' groups are what
 * is left of them after the first step's orders, and compare no longer like with like.
 *
 * <p>Every member buys on their own at their habit's rate (a Poisson rate, {@link SimMember#ordersPerDay()}),
 * mail or no mail: that is the baseline, and all that a held-out member does. A member who gets a journey's
 * e-mail and would not have paid for an order within the attribution window anyway orders because of it with
 * the chance {@code effect / (1 - b)}, {@code b} being their own chance of a paid order in the window; so a
 * member who got the mail buys within the window with the chance {@code b + effect}, exactly {@code effect}
 * (a share, shown in percentage points) more than without it.
 *
 * @param points per journey (as the lift report names it: {@code cart}, {@code win-back}, ...), the percentage
 *               points of conversion within the attribution window the mail adds; a journey not named adds none
 */
public record PlantedEffects(Map<String, Double> points) {

    /** The attribution window of the lift report and the cart journey ({@code CartAttributionWindow}'s default). */
    static final Duration WINDOW = Duration.ofDays(7);
    /** The share of a member's own orders that are paid (the rest are cancelled: {@link SyntheticStore}). */
    static final double PAID = 0.96;
    private static final double MOST = 50;
    /** The first step of the journeys of more than one (others have one step, or count every step alike). */
    private static final Map<String, String> FIRST_STEPS = Map.of("cart", "reminder", "win-back", "1");

    public PlantedEffects {
        points = Map.copyOf(points);
        points.forEach((journey, value) -> {
            if (!(value >= 0 && value <= MOST)) {
                throw new IllegalArgumentException("--effects: " + journey + "'s effect must be between 0 and "
                        + (int) MOST + " percentage points, not " + value);
            }
        });
    }

    /**
     * The defaults: cart recovery +15 points, win-back +10, points expiring soon and broadcasts +5; the birthday
     * greeting, the anniversaries and the order follow-up none.
     */
    public static PlantedEffects defaults() {
        return new PlantedEffects(Map.of("cart", 15.0, "win-back", 10.0, "points-expiry", 5.0, "broadcast", 5.0,
                "birthday", 0.0, "anniversary", 0.0, "order-feedback", 0.0));
    }

    /** The defaults with the journeys named in {@code spec} ({@code cart=20,birthday=0}) set as it says. */
    public static PlantedEffects parse(String spec) {
        Map<String, Double> points = new TreeMap<>(defaults().points());
        for (String part : spec.split(",")) {
            String[] pair = part.trim().split("=", 2);
            if (pair.length != 2 || pair[0].isBlank()) {
                throw new IllegalArgumentException("--effects takes journey=points,... (e.g. cart=20,birthday=0),"
                        + " not '" + part.trim() + "'");
            }
            try {
                points.put(pair[0].trim(), Double.parseDouble(pair[1].trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--effects: " + pair[0].trim() + "'s effect must be a number"
                        + " of percentage points, not '" + pair[1].trim() + "'");
            }
        }
        return new PlantedEffects(points);
    }

    /** Whether the step carries the journey's effect: the first of a journey of steps, any other's. */
    public static boolean firstStep(String journey, String step) {
        return FIRST_STEPS.getOrDefault(journey, step).equals(step);
    }

    /** The journey's effect as a share (0.15 for 15 points). */
    public double of(String journey) {
        return points.getOrDefault(journey, 0.0) / 100;
    }

    /**
     * The chance that a member who got the journey's mail and has no paid order of their own within
     * {@code window} orders because of it: {@code effect / (1 - b)}, {@code b = 1 - exp(-PAID x rate x days)}.
     */
    double chanceWithout(String journey, double ordersPerDay, Duration window) {
        double days = window.toSeconds() / 86_400.0;
        double anyway = 1 - Math.exp(-PAID * ordersPerDay * days);
        return Math.min(1, of(journey) / (1 - anyway));
    }

    /** {@code cart=15, win-back=10, ...} for the report. */
    String describe() {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(points).forEach((journey, value) -> text.append(text.isEmpty() ? "" : ", ").append(journey)
                .append(value == 0 ? " none" : String.format(" +%s", value % 1 == 0 ? String.valueOf(value.intValue())
                        : String.valueOf(value))));
        return text.toString();
    }
}
