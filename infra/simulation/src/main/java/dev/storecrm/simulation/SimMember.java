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
 * @param referrerId   who the member names as their referrer at registration, or null
 */
record SimMember(String id, String name, String email, String locale, ZoneId zone, String country,
                 String contactPreference, String birthday, String wedding, boolean consent, Instant registeredAt,
                 double ordersPerDay, String referrerId) {

    /**
     * Who member {@code n} of {@code count} names as referrer: about one in six another member, one in
     * fifty themselves (a self-referral), and the two members of one pair in fifty each other (a
     * referral loop). Derived from the number alone, so the rest of the plan is what it was without
     * referrals.
     */
    static String referrerOf(int n, int count) {
        int pair = (n + 1) / 2;
        if (count > 1 && Math.floorMod(("pair#" + pair).hashCode(), 50) == 0) {
            int partner = n % 2 == 1 ? n + 1 : n - 1;
            return partner <= count ? String.format("sim-c-%05d", partner) : null;
        }
        int roll = Math.floorMod(("referral#" + n).hashCode(), 100);
        if (roll < 2) {
            return String.format("sim-c-%05d", n);
        }
        if (roll < 17 && count > 1) {
            int other = 1 + Math.floorMod(n * 31 + roll * 7, count);
            return other == n ? null : String.format("sim-c-%05d", other);
        }
        return null;
    }

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
