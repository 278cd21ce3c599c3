package dev.storecrm.domain.occasion;

import dev.storecrm.domain.event.Stamp;
import dev.storecrm.domain.member.MemberRecord;
import dev.storecrm.domain.member.MemberSummary;
import dev.storecrm.domain.member.ProfileField;
import dev.storecrm.domain.time.AnnualDate;
import dev.storecrm.domain.time.LunarDate;
import dev.storecrm.domain.time.RecurringDate;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The occasions of a member, read off the archive: the birthday, each anniversary of the profile
 * whose kind the store greets, and the anniversary of joining. A member without a time zone is
 * greeted in the store's. A member who gave a lunar birthday is greeted on it, whether or not a
 * Gregorian birthday was given too.
 */
public final class Occasions {

    private Occasions() {}

    public static List<Occasion> of(MemberRecord record, MemberSummary summary, OccasionPolicy policy,
                                    ZoneId storeZone) {
        ZoneId zone = Optional.ofNullable(record.profile().timeZone()).orElse(storeZone);
        List<Occasion> occasions = new ArrayList<>();
        for (String kind : policy.kinds()) {
            switch (kind) {
                case Occasion.BIRTHDAY -> {
                    AnnualDate birthday = Optional.<AnnualDate>ofNullable(record.profile().birthdayLunar())
                            .orElse(record.profile().birthday());
                    if (birthday != null) {
                        Instant setAt = record.birthdaySetAt().orElse(setAt(record,
                                birthday instanceof LunarDate ? ProfileField.BIRTHDAY_LUNAR : ProfileField.BIRTHDAY));
                        occasions.add(new Occasion(record.customerId(), kind, birthday, zone, setAt));
                    }
                }
                case Occasion.MEMBERSHIP -> summary.memberSince().ifPresent(since -> {
                    var local = since.atZone(zone).toLocalDate();
                    occasions.add(new Occasion(record.customerId(), kind,
                            new RecurringDate(java.time.MonthDay.from(local), local.getYear()), zone, since));
                });
                default -> {
                    RecurringDate date = record.profile().anniversaries().get(kind);
                    if (date != null) {
                        occasions.add(new Occasion(record.customerId(), kind, date, zone,
                                setAt(record, ProfileField.ANNIVERSARIES)));
                    }
                }
            }
        }
        return occasions;
    }

    private static Instant setAt(MemberRecord record, ProfileField field) {
        return Optional.ofNullable(record.stamps().get(field)).map(Stamp::at)
                .orElse(Instant.EPOCH.atOffset(ZoneOffset.UTC).toInstant());
    }
}
