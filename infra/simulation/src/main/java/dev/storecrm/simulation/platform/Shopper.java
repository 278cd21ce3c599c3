package dev.storecrm.simulation.platform;

/**
 * A customer as a platform holds them and puts them into its payloads (an order names its buyer).
 *
 * @param locale  a language tag, {@code zh-CN} or {@code en}
 * @param country ISO 3166-1 alpha-2
 */
public record Shopper(String name, String email, String locale, String country) {

    /** All but the last word of the name, where a platform keeps first and last names apart. */
    public String firstName() {
        int space = name.lastIndexOf(' ');
        return space < 0 ? name : name.substring(0, space);
    }

    public String lastName() {
        int space = name.lastIndexOf(' ');
        return space < 0 ? "" : name.substring(space + 1);
    }
}
