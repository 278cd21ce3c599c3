package dev.storecrm.domain.event;

import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.RejectReason;
import dev.storecrm.domain.event.MemberEvent.MemberRegistered;
import dev.storecrm.domain.event.MemberEvent.MemberUpdated;
import dev.storecrm.domain.event.MemberEvent.StatusChange;
import dev.storecrm.domain.event.MemberEvent.TierChange;
import dev.storecrm.domain.json.JsonFields;
import dev.storecrm.domain.member.Consent;
import dev.storecrm.domain.member.ContactPreference;
import dev.storecrm.domain.member.MembershipStatus;
import dev.storecrm.domain.member.Profile;
import dev.storecrm.domain.member.ProfileChanges;
import dev.storecrm.domain.member.ProfileField;
import dev.storecrm.domain.time.LunarDate;
import dev.storecrm.domain.time.RecurringDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The bodies of the member events, and the profile, contact and consent objects other events carry too. */
final class MemberBodies {

    private static final Pattern RECURRING_DATE = Pattern.compile("(\\d{4}|-)-\\d{2}-\\d{2}");
    private static final Pattern TIER_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,31}");
    private static final Pattern ANNIVERSARY_KIND = Pattern.compile("[a-z][a-z0-9_]{0,31}");
    private static final Set<String> PROFILE_FIELDS = Set.of(
            "name", "email", "phone", "locale", "timeZone", "birthday", "anniversaries", "country",
            "contactPreference", "marketingConsent", "referrerId", "birthdayLunar");
    private static final Set<String> CONTACT_FIELDS =
            Set.of("name", "email", "phone", "locale", "timeZone", "country", "marketingConsent");

    private MemberBodies() {}

    static MemberRegistered memberRegistered(EventMeta meta, JsonFields body) {
        body.allowOnly(Set.of("customerId", "profile"));
        return new MemberRegistered(meta, body.identifier("customerId"),
                profileChanges(body.object("profile").allowOnly(PROFILE_FIELDS)));
    }

    static MemberUpdated memberUpdated(EventMeta meta, JsonFields body) {
        body.allowOnly(Set.of("customerId", "profile", "membership", "tier"));
        ProfileChanges profile = body.optionalObject("profile")
                .map(p -> profileChanges(p.allowOnly(PROFILE_FIELDS)))
                .orElse(ProfileChanges.NONE);
        Optional<StatusChange> membership = body.optionalObject("membership").map(m -> {
            m.allowOnly(Set.of("status", "reason", "actor"));
            String status = m.matching("status", Pattern.compile("active|frozen|cancelled"),
                    "one of active, frozen, cancelled");
            return new StatusChange(MembershipStatus.valueOf(status.toUpperCase(Locale.ROOT)),
                    m.optionalString("reason", 500).orElse(null), m.optionalString("actor", 256).orElse(null));
        });
        Optional<TierChange> tier = body.optionalObject("tier").map(t -> {
            t.allowOnly(Set.of("name", "until", "reason", "actor"));
            return new TierChange(t.matching("name", TIER_NAME, "a tier name (1 to 32 letters, digits or _-)"),
                    t.dateTime("until").toInstant(), t.optionalString("reason", 500).orElse(null),
                    t.optionalString("actor", 256).orElse(null));
        });
        if (body.has("profile") && profile.isEmpty()) {
            throw JsonFields.violation("body.profile", "must name at least one field to change");
        }
        if (profile.isEmpty() && membership.isEmpty() && tier.isEmpty()) {
            throw JsonFields.violation("body", "must change the profile, the membership or the tier");
        }
        return new MemberUpdated(meta, body.identifier("customerId"), profile, membership, tier);
    }

    /** The contact details a checkout captured (OrderPaid's {@code customer}), as changes to the profile. */
    static ProfileChanges contactChanges(JsonFields customer) {
        return profileChanges(customer.allowOnly(CONTACT_FIELDS));
    }

    /** Reads a (possibly partial) profile: present fields are set, JSON null clears a field. */
    private static ProfileChanges profileChanges(JsonFields p) {
        Profile values = Profile.EMPTY;
        Set<ProfileField> fields = EnumSet.noneOf(ProfileField.class);
        for (ProfileField field : ProfileField.values()) {
            String name = field.wire();
            if (!p.has(name)) {
                continue;
            }
            fields.add(field);
            if (p.isNull(name)) {
                continue;
            }
            values = values.with(field, switch (field) {
                case NAME -> p.string(name, 200);
                case EMAIL -> p.email(name);
                case PHONE -> p.matching(name, ContractFields.PHONE, ContractFields.PHONE_RULE);
                case LOCALE -> p.matching(name, ContractFields.LOCALE, ContractFields.LOCALE_RULE);
                case TIME_ZONE -> p.timeZone(name);
                case BIRTHDAY -> recurringDate(p, name);
                case ANNIVERSARIES -> anniversaries(p.object(name));
                case COUNTRY -> p.matching(name, ContractFields.COUNTRY, "an ISO 3166 alpha-2 country code");
                case CONTACT_PREFERENCE -> p.enumValue(name, ContactPreference.class);
                case MARKETING_CONSENT -> consent(p.object(name));
                case REFERRER_ID -> p.identifier(name);
                case BIRTHDAY_LUNAR -> lunarDate(p.object(name));
            });
        }
        return new ProfileChanges(values, fields);
    }

    private static Map<String, RecurringDate> anniversaries(JsonFields dates) {
        Map<String, RecurringDate> result = new HashMap<>();
        for (Iterator<String> kinds = dates.rawFieldNames(); kinds.hasNext(); ) {
            String kind = kinds.next();
            if (!ANNIVERSARY_KIND.matcher(kind).matches()) {
                throw JsonFields.violation(dates.path(kind),
                        "is not an anniversary kind (lower-case letters, digits, _)");
            }
            result.put(kind, recurringDate(dates, kind));
        }
        return result;
    }

    private static RecurringDate recurringDate(JsonFields fields, String name) {
        String text = fields.matching(name, RECURRING_DATE, "a date YYYY-MM-DD, or --MM-DD without the year");
        int year = text.startsWith("--") ? RecurringDate.EARLIEST_YEAR : Integer.parseInt(text.substring(0, 4));
        if (year < RecurringDate.EARLIEST_YEAR || year > RecurringDate.LATEST_YEAR) {
            throw new InvalidInputException(RejectReason.DATE_OUT_OF_RANGE, fields.path(name)
                    + " must name a year from " + RecurringDate.EARLIEST_YEAR + " to " + RecurringDate.LATEST_YEAR
                    + ", or none (--MM-DD)");
        }
        try {
            return RecurringDate.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(RejectReason.IMPOSSIBLE_DATE, fields.path(name)
                    + " is not a real calendar date");
        }
    }

    /** A lunar birthday: {@code month} 1-12, {@code day} 1-30, {@code leapMonth} (闰月, false when absent). */
    private static LunarDate lunarDate(JsonFields date) {
        date.allowOnly(Set.of("month", "day", "leapMonth"));
        boolean leap = date.has("leapMonth") && date.bool("leapMonth");
        return new LunarDate((int) date.integer("month", 1, 12), (int) date.integer("day", 1, 30), leap);
    }

    /** A marketing consent as given or withdrawn: {@code granted}, {@code at}, {@code source}. */
    static Consent consent(JsonFields consent) {
        consent.allowOnly(Set.of("granted", "at", "source"));
        return new Consent(consent.bool("granted"), consent.dateTime("at").toInstant(), consent.string("source", 64));
    }
}
