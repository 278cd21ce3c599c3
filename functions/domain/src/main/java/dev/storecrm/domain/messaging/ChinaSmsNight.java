package dev.storecrm.domain.messaging;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

/**
 * No promotional SMS to a recipient in mainland China from 20:00 to 08:00 China time (the window is a
 * parameter). A recipient is in China when the member's time zone is {@code Asia/Shanghai} (or one of its
 * aliases) or the member's country is {@code CN}; China has one time zone, so the night is read on
 * {@code Asia/Shanghai}'s clock whatever zone the member gave. A promotional SMS in the night is put off to its
 * end, never dropped.
 */
public record ChinaSmsNight(QuietHours window) {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    public static final String DEFAULT = "20:00-08:00";

    private static final Set<String> CHINA_ZONES =
            Set.of("Asia/Shanghai", "Asia/Chongqing", "Asia/Chungking", "Asia/Harbin", "PRC");

    public static boolean inChina(Optional<ZoneId> zone, Optional<String> country) {
        return country.filter(c -> c.equalsIgnoreCase("CN")).isPresent()
                || zone.filter(z -> CHINA_ZONES.contains(z.getId())).isPresent();
    }

    /** When the night that {@code now} falls in ends, for a recipient in China; empty otherwise or by day. */
    public Optional<Instant> endIfNight(Instant now, Optional<ZoneId> zone, Optional<String> country) {
        return inChina(zone, country) ? window.endIfQuiet(now, CHINA) : Optional.empty();
    }
}
