package dev.storecrm.simulation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** The fault mode: some events delivered twice or late, and SES throttling bursts spread over the period. */
final class SyntheticFaults {

    private final Random random;
    private final Instant start;
    private final int days;
    private int duplicated;
    private int delayed;

    SyntheticFaults(Random random, Instant start, int days) {
        this.random = random;
        this.start = start;
        this.days = days;
    }

    int duplicated() {
        return duplicated;
    }

    int delayed() {
        return delayed;
    }

    /** Duplicates, late deliveries, poison messages and SES throttling, spread over the period. */
    List<Planned> add(List<Planned> plan) {
        List<Planned> faults = new ArrayList<>();
        for (int i = 0; i < plan.size(); i++) {
            if (!(plan.get(i) instanceof Planned.Publish publish)) {
                continue;
            }
            int roll = random.nextInt(100);
            if (roll < 8) {
                duplicated++;
                faults.add(new Planned.Publish(publish.at().plus(Duration.ofMinutes(random.nextInt(90))),
                        publish.event().deepCopy(), true));
            } else if (roll < 16) {
                delayed++;
                plan.set(i, new Planned.Publish(publish.at().plus(Duration.ofMinutes(1 + random.nextInt(180))),
                        publish.event(), false));
            }
        }
        // SES throttling every third day: the SDK's retries back off in real time, so a burst costs seconds.
        for (int day = 1; day < days; day += 3) {
            Instant at = start.plus(Duration.ofDays(day)).plus(Duration.ofMinutes(random.nextInt(1440)));
            faults.add(new Planned.Throttle(at, 1 + random.nextInt(3)));
        }
        return faults;
    }
}
