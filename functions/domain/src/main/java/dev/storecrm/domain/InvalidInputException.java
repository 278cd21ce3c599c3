package dev.storecrm.domain;

import java.util.Objects;

/**
 * Input that can never be processed. The detail names the offending field and the rule it breaks,
 * and never repeats a personal value (e-mail, name, phone, birthday), so it is safe to log.
 */
public final class InvalidInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final RejectReason reason;
    private final String detail;

    public InvalidInputException(RejectReason reason, String detail) {
        super(reason + ": " + detail, null, false, false);
        this.reason = Objects.requireNonNull(reason);
        this.detail = Objects.requireNonNull(detail);
    }

    public RejectReason reason() {
        return reason;
    }

    public String detail() {
        return detail;
    }
}
