package dev.storecrm.domain.templates;

/**
 * Why a draft may not be published: a {@link Code}, the part it concerns ({@code body.html}, or {@code *} for the
 * draft as a whole) and a detail naming the rule (never a sample's personal value: samples hold none).
 */
public record DraftProblem(Code code, String part, String detail) {

    /** What is wrong with a draft. */
    public enum Code {
        /** The template or locale is not bundled: an override replaces a bundled template, it does not add one. */
        UNKNOWN_TEMPLATE,
        /** A part an override may not replace, an empty draft, or a draft over the size limit. */
        BAD_PART,
        /** Raw output ({{{x}}}, {{&x}}) or a change of delimiters ({{=...=}}) that could hide it. */
        UNESCAPED_OUTPUT,
        /** The Mustache does not parse (an unbalanced or unclosed section) or uses partials or parents. */
        BROKEN_LAYOUT,
        /** A variable or section the template's sample and the sender do not provide. */
        MISSING_VARIABLE,
        /** Rendering with the sample failed or gave an empty subject or SMS. */
        RENDER_ERROR,
        /** A marketing message without the house footer: the unsubscribe link and the store's postal address. */
        MISSING_FOOTER
    }
}
