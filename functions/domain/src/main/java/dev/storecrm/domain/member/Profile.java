package dev.storecrm.domain.member;

import dev.storecrm.domain.time.LunarDate;
import dev.storecrm.domain.time.RecurringDate;
import java.time.ZoneId;
import java.util.Map;

/**
 * The basic facts of the customer archive (客户档案). Every field may be unknown ({@code null}).
 * {@code anniversaries} maps a kind ({@code wedding}, or any kind the store configures) to its date.
 * {@code birthdayLunar} is the birthday in the Chinese lunar calendar (农历生日); when it is given, the
 * member celebrates by it: greetings, gifts and birthday points follow it rather than {@code birthday}.
 */
public record Profile(String name, String email, String phone, String locale, ZoneId timeZone,
                      RecurringDate birthday, Map<String, RecurringDate> anniversaries, String country,
                      ContactPreference contactPreference, Consent marketingConsent, String referrerId,
                      LunarDate birthdayLunar) {

    public static final Profile EMPTY =
            new Profile(null, null, null, null, null, null, Map.of(), null, null, null, null, null);

    public Profile {
        anniversaries = anniversaries == null ? Map.of() : Map.copyOf(anniversaries);
    }

    public Object get(ProfileField field) {
        return switch (field) {
            case NAME -> name;
            case EMAIL -> email;
            case PHONE -> phone;
            case LOCALE -> locale;
            case TIME_ZONE -> timeZone;
            case BIRTHDAY -> birthday;
            case ANNIVERSARIES -> anniversaries;
            case COUNTRY -> country;
            case CONTACT_PREFERENCE -> contactPreference;
            case MARKETING_CONSENT -> marketingConsent;
            case REFERRER_ID -> referrerId;
            case BIRTHDAY_LUNAR -> birthdayLunar;
        };
    }

    /** A copy with one field replaced; the value must be of the field's type or {@code null}. */
    @SuppressWarnings("unchecked")
    public Profile with(ProfileField field, Object value) {
        return switch (field) {
            case NAME -> new Profile((String) value, email, phone, locale, timeZone, birthday, anniversaries,
                    country, contactPreference, marketingConsent, referrerId, birthdayLunar);
            case EMAIL -> new Profile(name, (String) value, phone, locale, timeZone, birthday, anniversaries,
                    country, contactPreference, marketingConsent, referrerId, birthdayLunar);
            case PHONE -> new Profile(name, email, (String) value, locale, timeZone, birthday, anniversaries,
                    country, contactPreference, marketingConsent, referrerId, birthdayLunar);
            case LOCALE -> new Profile(name, email, phone, (String) value, timeZone, birthday, anniversaries,
                    country, contactPreference, marketingConsent, referrerId, birthdayLunar);
            case TIME_ZONE -> new Profile(name, email, phone, locale, (ZoneId) value, birthday, anniversaries,
                    country, contactPreference, marketingConsent, referrerId, birthdayLunar);
            case BIRTHDAY -> new Profile(name, email, phone, locale, timeZone, (RecurringDate) value,
                    anniversaries, country, contactPreference, marketingConsent, referrerId, birthdayLunar);
            case ANNIVERSARIES -> new Profile(name, email, phone, locale, timeZone, birthday,
                    (Map<String, RecurringDate>) value, country, contactPreference, marketingConsent, referrerId,
                    birthdayLunar);
            case COUNTRY -> new Profile(name, email, phone, locale, timeZone, birthday, anniversaries,
                    (String) value, contactPreference, marketingConsent, referrerId, birthdayLunar);
            case CONTACT_PREFERENCE -> new Profile(name, email, phone, locale, timeZone, birthday, anniversaries,
                    country, (ContactPreference) value, marketingConsent, referrerId, birthdayLunar);
            case MARKETING_CONSENT -> new Profile(name, email, phone, locale, timeZone, birthday, anniversaries,
                    country, contactPreference, (Consent) value, referrerId, birthdayLunar);
            case REFERRER_ID -> new Profile(name, email, phone, locale, timeZone, birthday, anniversaries,
                    country, contactPreference, marketingConsent, (String) value, birthdayLunar);
            case BIRTHDAY_LUNAR -> new Profile(name, email, phone, locale, timeZone, birthday, anniversaries,
                    country, contactPreference, marketingConsent, referrerId, (LunarDate) value);
        };
    }
}
