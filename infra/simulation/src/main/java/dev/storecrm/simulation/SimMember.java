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
     * Who the member names as their referrer at registration, or null: about one member in seven one of
     * the 50 members registered before them, one in fifty themselves (a self-referral), and the two
     * members of one pair in fifty (numbers 2k-1 and 2k) each other (a referral loop; the last member of
     * a store with an odd count names someone who is not a member). Derived from the id alone, so the
     * rest of the plan is what it was without referrals.
     */
    String referrerId() {
        int n = Integer.parseInt(id.substring(id.lastIndexOf('-') + 1));
        if (Math.floorMod(("pair#" + (n + 1) / 2).hashCode(), 50) == 0) {
            return String.format("sim-c-%05d", n % 2 == 1 ? n + 1 : n - 1);
        }
        int roll = Math.floorMod(("referral#" + n).hashCode(), 100);
        if (roll < 2) {
            return id;
        }
        int earlier = n - 1 - Math.floorMod(n * 31 + roll, 50);
        return roll < 16 && earlier >= 1 ? String.format("sim-c-%05d", earlier) : null;
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

    /**
     * The member's mobile number in E.164 form (a Chinese mobile number for a member in China, a number of the
     * member's country code otherwise), or null for one member in twenty, who gave none. Derived from the id, so
     * the rest of the plan is what it was without numbers.
     */
    String phone() {
        int n = Integer.parseInt(id.substring(id.lastIndexOf('-') + 1));
        if (Math.floorMod(("phone#" + n).hashCode(), 20) == 0) {
            return null;
        }
        return "CN".equals(country) ? String.format("+86139%08d", n) : String.format("+1206555%04d", n % 10_000);
    }
}
