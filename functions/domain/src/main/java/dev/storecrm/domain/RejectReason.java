package dev.storecrm.domain;

/**
 * Why an input was refused. Each reason is permanent: retrying the same input cannot succeed,
 * so the input is kept with its reason (never silently dropped) and the rest of the batch goes on.
 */
public enum RejectReason {
    /** The message body is not JSON at all. */
    MALFORMED_JSON,
    /** JSON, but not of the shape the schema in {@code events/schemas/} describes. */
    SCHEMA_VIOLATION,
    /** The {@code type} is not one of the canonical event types. */
    UNKNOWN_EVENT_TYPE,
    /** The {@code version} of a known type is one this build does not understand. */
    UNSUPPORTED_VERSION,
    /** A currency code that ISO 4217 does not know. */
    UNKNOWN_CURRENCY,
    /** Money in a currency other than the store currency where the store currency is required. */
    WRONG_CURRENCY,
    /** A calendar date that does not exist (30 February, 29 February of a common year). */
    IMPOSSIBLE_DATE,
    /** A time zone that is not an IANA region id. */
    UNKNOWN_TIME_ZONE,
    /** A valid event of a type this consumer does not handle (a routing mistake upstream). */
    NOT_FOR_THIS_CONSUMER,
    /** A message request names a template that does not exist (in any locale). */
    UNKNOWN_TEMPLATE,
    /** A template could not be rendered: a variable it uses is missing from the request, or it is broken. */
    TEMPLATE_ERROR,
    /** A valid event that asks a dispute to move where its lifecycle does not allow (reopen a resolved dispute). */
    INVALID_TRANSITION,
    /**
     * A real date outside the window the contract allows: an {@code occurredAt} ahead of the receiving clock, any
     * date-time outside the years 2000 to 2099, a birthday or anniversary year outside 1900 to 2100, an evidence
     * deadline that is not within 180 days after the dispute's opening.
     */
    DATE_OUT_OF_RANGE,
    /** An amount above the per-amount maximum, or one that would take a total beyond what a long can hold. */
    AMOUNT_OUT_OF_RANGE,
    /** An e-mail field that is not one plain address ({@code local@domain}): a display name, a list, a line break. */
    INVALID_EMAIL_ADDRESS,
    /** Text with a NUL character or an unpaired UTF-16 surrogate (broken Unicode), in any string field. */
    INVALID_TEXT,
    /** DynamoDB refused the write because the item (or one attribute) would exceed its size limit (400 KB). */
    ITEM_TOO_LARGE,
    /**
     * An AWS service refused the request as invalid ({@code ValidationException} and alike): the same
     * request fails again.
     */
    REFUSED_BY_AWS,
    /** The input drives a computation out of range: an arithmetic overflow, a date beyond the calendar. */
    COMPUTATION_OUT_OF_RANGE,
    /**
     * A valid event that would take one of the member archive's bounded lists past its documented
     * limit (anniversary kinds, refunds of one order: see {@code ArchiveLimits}).
     */
    LIMIT_EXCEEDED,
    /** Amounts that would take a member's or an order's total past what a 64-bit count of minor units holds. */
    TOTAL_OVERFLOW,
    /**
     * A privacy request that names its subject by an e-mail address alone, which more than one member holds: which
     * member it is about is unknown, so none is exported or erased; the store sends it again with the customer id.
     */
    AMBIGUOUS_SUBJECT,
    /** A platform's topic or event type that its adapter does not map (not subscribed to, or not routed). */
    UNSUPPORTED_TOPIC,
    /** A valid platform payload the contract (version 2) has no place for, e.g. SMS consent or a shop's erasure. */
    NOT_YET_MAPPED,
    /** A platform's test notification or test-mode event, not the store's business. */
    TEST_DELIVERY,
    /** A refund or dispute names an order whose customer the adapter never saw (placed before it was connected). */
    UNKNOWN_ORDER,
    /** An order or cart that names neither a customer nor an e-mail address: nobody to attribute it to. */
    NO_CUSTOMER,
    /** A payload from another shop than the one this stack serves (a platform app installed on several shops). */
    NOT_FOR_THIS_STORE,
    /** An operator's adjustment that would take a member's points below zero (spent since it was checked). */
    INSUFFICIENT_POINTS,
    /**
     * Inbound customer mail the care intake takes but never answers: SES judged it spam or a virus, or it is an
     * automatic mail (an auto-reply, an out-of-office notice, a bounce). The detail says which.
     */
    REFUSED_MAIL,
    /**
     * An event about a customer whose data was erased on request, after the erasure: refused unless it is a new
     * registration with fresh consent (docs/privacy.md).
     */
    ERASED
}
