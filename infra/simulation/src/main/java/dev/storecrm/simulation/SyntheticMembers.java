package dev.storecrm.simulation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** The simulated store's members as they join: drawn from the run's one seed, so a run can be repeated. */
final class SyntheticMembers {

    private static final List<String> ZONES = List.of("Asia/Shanghai", "Asia/Shanghai", "Asia/Shanghai",
            "Asia/Shanghai", "Asia/Shanghai", "Asia/Shanghai", "Asia/Shanghai", "Asia/Shanghai", "Asia/Singapore",
            "Asia/Tokyo", "Europe/Berlin", "Europe/Berlin", "Europe/London", "America/New_York", "America/New_York",
            "America/Los_Angeles", "Australia/Sydney", "Pacific/Kiritimati", "Pacific/Honolulu", "America/Sao_Paulo");
    private static final Map<String, String> COUNTRY = Map.ofEntries(Map.entry("Asia/Shanghai", "CN"),
            Map.entry("Asia/Singapore", "SG"), Map.entry("Asia/Tokyo", "JP"), Map.entry("Europe/Berlin", "DE"),
            Map.entry("Europe/London", "GB"), Map.entry("America/New_York", "US"),
            Map.entry("America/Los_Angeles", "US"), Map.entry("Australia/Sydney", "AU"),
            Map.entry("Pacific/Kiritimati", "KI"), Map.entry("Pacific/Honolulu", "US"),
            Map.entry("America/Sao_Paulo", "BR"));

    private final Random random;
    private final Instant start;
    private final int days;

    SyntheticMembers(Random random, Instant start, int days) {
        this.random = random;
        this.start = start;
        this.days = days;
    }

    /** Member {@code n}: where they live, their dates, mailbox, channel and buying habit. */
    SimMember create(int n) {
        String id = String.format("sim-c-%05d", n);
        ZoneId zone = ZoneId.of(ZONES.get(random.nextInt(ZONES.size())));
        boolean chinese = zone.getId().equals("Asia/Shanghai") || random.nextInt(10) == 0;
        String birthday = null;
        if (random.nextInt(100) < 85) {
            LocalDate date = random.nextInt(100) < 2 ? LocalDate.of(1992, 2, 29)
                    : LocalDate.ofYearDay(1960 + random.nextInt(45), 1 + random.nextInt(365));
            birthday = random.nextInt(10) < 7 ? date.toString() : "--" + date.toString().substring(5);
        }
        String wedding = random.nextInt(100) < 25
                ? LocalDate.ofYearDay(1990 + random.nextInt(35), 1 + random.nextInt(365)).toString() : null;
        int mailbox = random.nextInt(1000);
        String email = mailbox < 10 ? "bounce+" + id + "@simulator.amazonses.com"
                : mailbox < 15 ? "complaint+" + id + "@simulator.amazonses.com" : id + "@example.com";
        int preference = random.nextInt(100);
        Instant registered = random.nextInt(100) < 80
                ? start.minus(Duration.ofMinutes(random.nextLong(3L * 365 * 24 * 60)))
                : start.plus(Duration.ofMinutes(random.nextLong(days * 24L * 60)));
        int habit = random.nextInt(100);
        double ordersPer90Days = habit < 35 ? 0.2 : habit < 65 ? 1 : habit < 85 ? 2 : 4;
        String channel = preference < 75 ? "email" : preference < 88 ? "sms" : preference < 96 ? "phone" : "none";
        return new SimMember(id, (chinese ? "样例会员 " : "Sample Member ") + n, email, chinese ? "zh-CN" : "en", zone,
                COUNTRY.get(zone.getId()), channel, birthday, wedding, random.nextInt(100) < 88, registered,
                ordersPer90Days / 90);
    }

    /** A time zone drawn as members' are (a member who moves). */
    String anyZone() {
        return ZONES.get(random.nextInt(ZONES.size()));
    }
}
