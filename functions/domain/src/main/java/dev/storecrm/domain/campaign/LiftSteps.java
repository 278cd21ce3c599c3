package dev.storecrm.domain.campaign;

/**
 * The step of a journey read from the business key the sender settled, for the lift report's cells:
 * {@code CART#<cart>#reminder} is {@code reminder}, {@code WINBACK#<member>#<episode>#2} is {@code 2},
 * {@code ANNIVERSARY#wedding#<member>#<year>} is {@code wedding}, {@code BROADCAST#<campaign>#<member>} is the
 * campaign; a journey of one step (the birthday greeting, points expiring soon) has the step {@code -}.
 */
public final class LiftSteps {

    /** The step of a journey that has only one. */
    public static final String ONLY = "-";

    private LiftSteps() {}

    public static String of(String businessKey) {
        String[] parts = businessKey.split("#", -1);
        String step = switch (parts[0]) {
            case "CART" -> parts.length == 3 ? parts[2] : null;
            case "WINBACK" -> parts.length == 4 ? parts[3] : null;
            case "ANNIVERSARY", "BROADCAST" -> parts.length >= 3 ? parts[1] : null;
            default -> ONLY;
        };
        if (step == null || step.isBlank()) {
            throw new IllegalArgumentException("a " + parts[0] + " business key without its step");
        }
        return step;
    }
}
