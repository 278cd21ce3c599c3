package dev.storecrm.simulation;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.storecrm.domain.campaign.Lift;
import dev.storecrm.domain.campaign.LiftCell;
import dev.storecrm.domain.json.tree.JsonNode;
import dev.storecrm.domain.json.tree.ObjectMapper;
import dev.storecrm.localcloud.LocalCloud;
import dev.storecrm.localcloud.LocalFunctions;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The store played with its planted effects for the lift benchmark and its test: a quiet store (the options'
 * faults aside: no invariants, no report), then the lift report ({@code GET /lift}, CareListsFunction) summed per
 * journey over its variants and weeks, of its first step ({@link PlantedEffects}: the cart reminder, the first
 * win-back mail, every step of the others), each journey's estimate set beside the truth it should find.
 */
public final class StoreLift {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int WEEKS_PER_REPORT = 13;

    /**
     * One journey: its planted effect, its assignments (treated: sent or skipped; held out), the e-mails its
     * members saw, the converters of each group, and the report's difference of conversion rates with its 95 %
     * interval (none while a group is empty).
     */
    public record Line(String journey, double plantedPoints, long treated, long heldOut, long reached,
                       long treatedConverters, long heldOutConverters, Optional<Lift.Interval> difference) {

        /**
         * What the report should find: it compares everyone assigned to get the mail with the held out (intention
         * to treat), and the effect is planted in those who saw the e-mail, so the planted effect times the share
         * of the treated who saw it.
         */
        public double truth() {
            return treated == 0 ? 0 : plantedPoints / 100 * Math.min(1, (double) reached / treated);
        }

        /** Why this journey fails the benchmark, or empty: an interval that misses, or an effect unmeasured. */
        public Optional<String> failure() {
            if (plantedPoints > 0 && heldOut == 0) {
                return Optional.of(journey + " has a planted effect and no held-out members");
            }
            if (difference.isEmpty()) {
                return plantedPoints > 0 ? Optional.of(journey + " has a planted effect and no estimate")
                        : Optional.empty();
            }
            Lift.Interval interval = difference.get();
            return interval.low() <= truth() && truth() <= interval.high() ? Optional.empty()
                    : Optional.of(String.format("%s: the interval %.2f to %.2f points misses the truth %.2f",
                            journey, 100 * interval.low(), 100 * interval.high(), 100 * truth()));
        }
    }

    /** A measured store: its lines, and what it took. */
    public record Measured(List<Line> lines, int members, int days, String holdoutPercent, double seconds) {

        public List<String> failures() {
            return lines.stream().flatMap(line -> line.failure().stream()).toList();
        }

        public Optional<Line> line(String journey) {
            return lines.stream().filter(line -> line.journey().equals(journey)).findFirst();
        }

        /** The table: per journey the planted effect, the truth, the estimate and its interval, in points. */
        public String render() {
            TextTable table = new TextTable("journey", "planted", "treated", "saw the mail", "held out",
                    "converted (treated / held out)", "truth", "estimate", "95 % interval", "contains the truth");
            for (Line line : lines) {
                table.row(line.journey(), points(line.plantedPoints() / 100), line.treated(), line.reached(),
                        line.heldOut(), line.treatedConverters() + " / " + line.heldOutConverters(),
                        points(line.truth()), line.difference().map(d -> points(d.estimate())).orElse("-"),
                        line.difference().map(d -> points(d.low()) + " to " + points(d.high())).orElse("-"),
                        line.difference().isEmpty() ? "-" : line.failure().isEmpty() ? "yes" : "NO");
            }
            return table.render();
        }

        private static String points(double share) {
            return String.format("%+.2f", 100 * share);
        }
    }

    private StoreLift() {}

    /** Plays the store of {@code options} with every marketing journey holding out {@code holdoutPercent}. */
    public static Measured measure(LocalCloud cloud, SimulationOptions options, String holdoutPercent,
                                   PrintStream progress) {
        LocalStoreRun.useSms();
        StoreSimulation simulation = new StoreSimulation(cloud, options, progress,
                Map.of("HOLDOUT_PERCENT", holdoutPercent));
        StoreSimulation.Outcome outcome = simulation.run();
        ZoneId zone = ZoneId.of(simulation.functions().spec("GreetingsFunction").environment()
                .getOrDefault("STORE_TIME_ZONE", "Asia/Shanghai"));
        LocalDate first = outcome.start().atZone(zone).toLocalDate();
        LocalDate last = outcome.end().minusSeconds(1).atZone(zone).toLocalDate();
        Map<String, long[]> sums = new TreeMap<>();
        for (LocalDate from = first; !from.isAfter(last); from = from.plusWeeks(WEEKS_PER_REPORT)) {
            LocalDate to = from.plusWeeks(WEEKS_PER_REPORT - 1).isBefore(last)
                    ? from.plusWeeks(WEEKS_PER_REPORT - 1) : last;
            for (JsonNode row : report(simulation.functions(), from, to)) {
                if (!PlantedEffects.firstStep(row.get("journey").asText(), row.get("step").asText())) {
                    continue;
                }
                long[] sum = sums.computeIfAbsent(row.get("journey").asText(), journey -> new long[4]);
                sum[0] += row.get("sent").asLong() + row.get("skipped").asLong();
                sum[1] += row.get("heldOut").asLong();
                sum[2] += row.get("treatedConverters").asLong();
                sum[3] += row.get("heldOutConverters").asLong();
            }
        }
        PlantedAnswers planted = simulation.store().planted();
        TreeSet<String> journeys = new TreeSet<>(sums.keySet());
        options.effects().points().forEach((journey, points) -> {
            if (points > 0) {
                journeys.add(journey);
            }
        });
        List<Line> lines = new ArrayList<>();
        for (String journey : journeys) {
            long[] sum = sums.getOrDefault(journey, new long[4]);
            Optional<Lift.Interval> difference = sum[0] > 0 && sum[1] > 0
                    ? Optional.of(Lift.conversionDifference(new Lift.Group(sum[0], sum[2], 0, 0),
                            new Lift.Group(sum[1], sum[3], 0, 0))) : Optional.empty();
            lines.add(new Line(journey, options.effects().of(journey) * 100, sum[0], sum[1],
                    planted.reached().getOrDefault(journey, 0), sum[2], sum[3], difference));
        }
        return new Measured(lines, options.members(), options.days(), holdoutPercent, outcome.seconds());
    }

    private static JsonNode report(LocalFunctions functions, LocalDate from, LocalDate to) {
        APIGatewayV2HTTPResponse response = functions.invokeSignedUrl("CareListsFunction", "GET", "/lift",
                "from=" + LiftCell.periodOf(from) + "&to=" + LiftCell.periodOf(to) + "&format=json", Map.of(), null);
        if (response.getStatusCode() != 200) {
            throw new IllegalStateException("the lift report answered " + response.getStatusCode() + ": "
                    + response.getBody());
        }
        try {
            return JSON.readTree(response.getBody()).get("rows");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
