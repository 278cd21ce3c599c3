package dev.storecrm.simulation;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Whether a member orders because of a journey's e-mail, as the {@link PlantedEffects} say: knows every paid
 * order the store has planned (so whether the member buys within the window anyway), and counts per journey
 * the e-mails of its first step members got and the orders the mail caused (the truth the lift report is
 * judged against).
 */
final class PlantedAnswers {

    private static final Duration EARLIEST = Duration.ofMinutes(15);
    private static final Duration MARGIN = Duration.ofHours(1);

    private final PlantedEffects effects;
    private final Instant end;
    private final Map<String, TreeSet<Instant>> paid = new HashMap<>();
    private final Map<String, Integer> reached = new TreeMap<>();
    private final Map<String, Integer> caused = new TreeMap<>();

    PlantedAnswers(PlantedEffects effects, Instant end) {
        this.effects = effects;
        this.end = end;
    }

    /** A paid order of the member the store has planned. */
    void paid(String memberId, Instant at) {
        paid.computeIfAbsent(memberId, id -> new TreeSet<>()).add(at);
    }

    /**
     * When the member, who got the journey's e-mail (sent at {@code sent.at()}, read at {@code seenAt}), places an
     * order because of it: within the attribution window from the sending (cut at the run's end, less an hour for
     * the payment), unless they pay for one within it anyway. Draws twice from {@code random} whatever the answer,
     * so that the rest of the run stays the same.
     */
    Optional<Instant> orderAt(SimMember member, MailJourneys.Sent sent, Instant seenAt, Random random) {
        String journey = sent.journey();
        if (!PlantedEffects.firstStep(journey, sent.step())) {
            return Optional.empty();
        }
        reached.merge(journey, 1, Integer::sum);
        double roll = random.nextDouble();
        double place = random.nextDouble();
        Instant from = sent.at();
        Duration window = PlantedEffects.WINDOW;
        if (Duration.between(from, end).compareTo(window) < 0) {
            window = Duration.between(from, end);
        }
        Instant earliest = (seenAt.isAfter(from) ? seenAt : from).plus(EARLIEST);
        Instant latest = from.plus(window).minus(MARGIN);
        if (!earliest.isBefore(latest)) {
            return Optional.empty();
        }
        Instant next = Optional.ofNullable(paid.get(member.id())).map(times -> times.higher(from)).orElse(null);
        boolean anyway = next != null && !next.isAfter(from.plus(window));
        if (anyway || roll >= effects.chanceWithout(journey, member.ordersPerDay(), window)) {
            return Optional.empty();
        }
        caused.merge(journey, 1, Integer::sum);
        return Optional.of(earliest.plusSeconds((long) (place * Duration.between(earliest, latest).toSeconds())));
    }

    /** Per journey, the e-mails of its first step members saw during the run. */
    Map<String, Integer> reached() {
        return Map.copyOf(reached);
    }

    /** Per journey, the orders its mail caused. */
    Map<String, Integer> caused() {
        return Map.copyOf(caused);
    }
}
