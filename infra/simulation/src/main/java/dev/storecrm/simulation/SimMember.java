package dev.storecrm.simulation;

import dev.storecrm.domain.time.LunarDate;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * A synthetic member as the simulated store first registers them.
 *
 * @param birthday   {@code 1990-05-20}, {@code --05-20} or null
 * @param ordersPerDay how often the member orders on their own (a Poisson rate)
 */
record SimMember(String id, String name, String email, String locale, ZoneId zone, String country,
                 String contactPreference, String birthday, String wedding, boolean consent, Instant registeredAt,
                 double ordersPerDay) {

    /**
     * One Chinese-speaking member in five with a birthday also gives it by the lunar calendar (农历生日),
     * which then counts; one of those in eight was born in a leap month (闰月). Derived from the id and
     * the birthday, so the rest of the plan is what it was without lunar birthdays.
     */
    Optional<LunarDate> birthdayLunar() {
        int hash = Math.floorMod(id.hashCode(), 40);
        if (birthday == null || !locale.equals("zh-CN") || hash >= 8) {
            return Optional.empty();
        }
        int month = Integer.parseInt(birthday.substring(birthday.length() - 5, birthday.length() - 3));
        int day = Math.min(30, Integer.parseInt(birthday.substring(birthday.length() - 2)));
        return Optional.of(new LunarDate(month, day, hash == 0));
    }
}
