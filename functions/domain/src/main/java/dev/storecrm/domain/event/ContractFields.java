package dev.storecrm.domain.event;

import dev.storecrm.domain.json.JsonFields;
import java.util.regex.Pattern;

/** The value rules several event bodies share (as {@code common.schema.json} states them), and version gates. */
final class ContractFields {

    static final Pattern PHONE = Pattern.compile("\\+[1-9][0-9]{6,14}");
    static final Pattern LOCALE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");
    static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    static final Pattern HTTPS_URL = Pattern.compile("https://[^\\s]{1,2000}");
    static final Pattern CHANNEL = Pattern.compile("[a-z0-9_-]{1,32}");
    static final String PHONE_RULE = "a phone number in E.164 form, e.g. +8613800000000";
    static final String LOCALE_RULE = "a BCP 47 language tag such as zh-CN or en";
    static final String CHANNEL_RULE = "a channel id such as aliexpress (lower-case letters, digits, _ or -)";

    private ContractFields() {}

    /**
     * Refuses a field of a later contract version in an event that says an earlier one: a producer marks an event
     * with a version that has everything it carries, so that a consumer of an older build refuses it as
     * {@code UNSUPPORTED_VERSION} instead of misreading it.
     */
    static void requireVersion(EventMeta meta, JsonFields body, String field, int since) {
        if (body.has(field) && meta.version() < since) {
            throw JsonFields.violation(body.path(field), "is a field of contract version " + since
                    + "; this event says version " + meta.version());
        }
    }
}
