package dev.storecrm.platform.adapter;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A platform's optional values kept only where the contract can hold them (the rules of
 * {@code events/schemas/common.schema.json}): a phone in E.164, a BCP 47 language tag, an ISO 3166
 * country, an https URL, a coupon code. Any other value is left out rather than refusing the whole
 * payload for a detail the platform let its users write freely. Free texts are cut to the
 * contract's length.
 */
public final class ContractValues {

    public static final int NAME = 200;
    public static final int LINE_NAME = 300;
    public static final int REASON = 500;

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final Pattern LOCALE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern HTTPS_URL = Pattern.compile("https://\\S{1,2000}");
    private static final Pattern COUPON_CODE = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private ContractValues() {}

    public static Optional<String> phone(Optional<String> value) {
        return value.filter(v -> E164.matcher(v).matches());
    }

    public static Optional<String> locale(Optional<String> value) {
        return value.filter(v -> LOCALE.matcher(v).matches());
    }

    public static Optional<String> country(Optional<String> value) {
        return value.filter(v -> COUNTRY.matcher(v).matches());
    }

    public static Optional<String> httpsUrl(Optional<String> value) {
        return value.filter(v -> HTTPS_URL.matcher(v).matches());
    }

    public static Optional<String> email(Optional<String> value) {
        return value.filter(v -> v.contains("@"));
    }

    public static boolean couponCode(String value) {
        return COUPON_CODE.matcher(value).matches();
    }

    /** The text cut to at most {@code max} characters. */
    public static String cut(String text, int max) {
        return text.length() > max ? text.substring(0, max) : text;
    }
}
