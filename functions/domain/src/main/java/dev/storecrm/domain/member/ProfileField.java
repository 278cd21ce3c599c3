package dev.storecrm.domain.member;

import java.util.Arrays;
import java.util.Optional;

/** The profile fields of the member archive, each with its JSON name in events. */
public enum ProfileField {
    NAME("name"),
    EMAIL("email"),
    PHONE("phone"),
    LOCALE("locale"),
    TIME_ZONE("timeZone"),
    BIRTHDAY("birthday"),
    ANNIVERSARIES("anniversaries"),
    COUNTRY("country"),
    CONTACT_PREFERENCE("contactPreference"),
    MARKETING_CONSENT("marketingConsent"),
    REFERRER_ID("referrerId"),
    BIRTHDAY_LUNAR("birthdayLunar");

    private final String wire;

    ProfileField(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<ProfileField> fromWire(String name) {
        return Arrays.stream(values()).filter(f -> f.wire.equals(name)).findFirst();
    }
}
