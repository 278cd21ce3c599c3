package dev.storecrm.domain.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChinaSmsNightTest {

    private static final ChinaSmsNight NIGHT = new ChinaSmsNight(QuietHours.parse(ChinaSmsNight.DEFAULT));
    private static final Optional<ZoneId> SHANGHAI = Optional.of(ZoneId.of("Asia/Shanghai"));

    @Test
    void aPromotionalSmsToChinaBetween20And08IsPutOffTo08ChinaTime() {
        // 20:30 in Shanghai is 12:30Z; the night ends at 08:00 the next morning, 00:00Z
        assertEquals(Optional.of(Instant.parse("2027-01-05T00:00:00Z")),
                NIGHT.endIfNight(Instant.parse("2027-01-04T12:30:00Z"), SHANGHAI, Optional.empty()));
        assertEquals(Optional.of(Instant.parse("2027-01-05T00:00:00Z")),
                NIGHT.endIfNight(Instant.parse("2027-01-04T23:59:00Z"), SHANGHAI, Optional.empty()));
        assertEquals(Optional.empty(), NIGHT.endIfNight(Instant.parse("2027-01-05T00:00:00Z"), SHANGHAI,
                Optional.empty()), "08:00 is day");
        assertEquals(Optional.empty(), NIGHT.endIfNight(Instant.parse("2027-01-04T11:59:00Z"), SHANGHAI,
                Optional.empty()), "19:59 is day");
    }

    @Test
    void theCountryCnCountsWhateverTimeZoneTheMemberGaveAndOthersAreNotInChina() {
        Instant night = Instant.parse("2027-01-04T14:00:00Z");
        assertEquals(Optional.of(Instant.parse("2027-01-05T00:00:00Z")),
                NIGHT.endIfNight(night, Optional.of(ZoneId.of("Europe/Paris")), Optional.of("CN")));
        assertEquals(Optional.of(Instant.parse("2027-01-05T00:00:00Z")),
                NIGHT.endIfNight(night, Optional.empty(), Optional.of("cn")));
        assertEquals(Optional.empty(), NIGHT.endIfNight(night, Optional.of(ZoneId.of("Asia/Hong_Kong")),
                Optional.of("HK")));
        assertEquals(Optional.empty(), NIGHT.endIfNight(night, Optional.empty(), Optional.empty()));
    }
}
