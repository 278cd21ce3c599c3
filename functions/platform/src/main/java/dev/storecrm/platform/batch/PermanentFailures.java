package dev.storecrm.platform.batch;

import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.RejectReason;
import java.time.DateTimeException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Tells failures that can never succeed, however often a message is retried, from those that may pass on a later
 * attempt. A permanent failure is refused like invalid input (kept in the RejectsTable with a specific reason):
 * <ul>
 *   <li>{@link InvalidInputException} anywhere in the cause chain: its own reason;</li>
 *   <li>an AWS service refusing the request as invalid: DynamoDB {@code ValidationException} (also as the
 *       {@code ValidationError} of a cancelled transaction), SQS {@code InvalidParameterValue} and
 *       {@code InvalidMessageContents}, SES {@code BadRequestException}: {@link RejectReason#ITEM_TOO_LARGE} when
 *       the item or message exceeds a size limit (DynamoDB's 400 KB), else {@link RejectReason#REFUSED_BY_AWS};</li>
 *   <li>{@link ArithmeticException} and {@link DateTimeException}: a computation the input drove out of range
 *       ({@link RejectReason#COMPUTATION_OUT_OF_RANGE}).</li>
 * </ul>
 * Everything else is retried: throttling, 5xx, timeouts and connection errors pass; {@code AccessDeniedException}
 * and a missing table are deployment faults an operator must see (retried, then dead-lettered with an alarm);
 * conditional-check failures and optimistic conflicts are the services' own business; and any other exception of
 * our code is a fault to fix, not input to refuse.
 */
final class PermanentFailures {

    private static final Set<String> INVALID_REQUEST_CODES = Set.of("ValidationException", "InvalidParameterValue",
            "InvalidParameterValueException", "InvalidMessageContents", "AWS.SimpleQueueService.InvalidMessageContents",
            "BadRequestException");

    private PermanentFailures() {}

    /** The refusal this failure amounts to, or empty when it may pass on a retry. */
    static Optional<InvalidInputException> refusal(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            Optional<InvalidInputException> refusal = refusalOf(cause);
            if (refusal.isPresent()) {
                return refusal;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return Optional.empty();
    }

    private static Optional<InvalidInputException> refusalOf(Throwable cause) {
        return switch (cause) {
            case InvalidInputException invalid -> Optional.of(invalid);
            case TransactionCanceledException cancelled -> cancelled.cancellationReasons().stream()
                    .filter(reason -> "ValidationError".equals(reason.code())).findFirst()
                    .map(reason -> refused("DynamoDB", "a transaction's ValidationError", message(reason)));
            case AwsServiceException aws when aws.awsErrorDetails() != null
                    && INVALID_REQUEST_CODES.contains(aws.awsErrorDetails().errorCode()) ->
                    Optional.of(refused(service(aws), aws.awsErrorDetails().errorCode(),
                            aws.awsErrorDetails().errorMessage()));
            case ArithmeticException overflow -> Optional.of(new InvalidInputException(
                    RejectReason.COMPUTATION_OUT_OF_RANGE, "an arithmetic overflow while processing the message"));
            case DateTimeException date -> Optional.of(new InvalidInputException(RejectReason.COMPUTATION_OUT_OF_RANGE,
                    "a date beyond what the calendar holds while processing the message"));
            default -> Optional.empty();
        };
    }

    private static InvalidInputException refused(String service, String code, String message) {
        String text = message == null ? "" : message;
        String lower = text.toLowerCase(Locale.ROOT);
        boolean overSizeLimit = lower.contains("size")
                && (lower.contains("exceed") || lower.contains("too large") || lower.contains("maximum"));
        if (overSizeLimit || lower.contains("shorter than") || lower.contains("too long")) {
            return new InvalidInputException(RejectReason.ITEM_TOO_LARGE, service + " " + code
                    + ": what the message would store exceeds the service's size limit (DynamoDB: 400 KB per item)");
        }
        return new InvalidInputException(RejectReason.REFUSED_BY_AWS, service + " " + code + " (refused again on any"
                + " retry): " + shortened(text));
    }

    private static String service(AwsServiceException aws) {
        String name = aws.awsErrorDetails().serviceName();
        return name == null || name.isBlank() ? "AWS" : name;
    }

    private static String message(CancellationReason reason) {
        return reason.message() == null ? "" : reason.message();
    }

    /**
     * AWS messages name fields and limits, not values; still, any word with an {@code @} is cut and the
     * text kept short.
     */
    private static String shortened(String text) {
        String safe = text.replaceAll("\\S*@\\S*", "(address)").replaceAll("\\s+", " ").strip();
        return safe.length() > 200 ? safe.substring(0, 200) + "..." : safe;
    }
}
