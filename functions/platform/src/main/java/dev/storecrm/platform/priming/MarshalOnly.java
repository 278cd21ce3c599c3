package dev.storecrm.platform.priming;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * The interceptor every {@code AwsClients} client carries: a request marked with {@link #HEADER} has
 * been marshalled, its endpoint resolved and its signature computed when it reaches
 * {@code beforeTransmission}; it stops there, so a priming request never leaves the function.
 */
final class MarshalOnly implements ExecutionInterceptor {

    static final String HEADER = "x-storecrm-priming";

    /** The stop of a priming request, just before it would have been sent. */
    static final class Stopped extends RuntimeException {
        Stopped() {
            super("priming request stopped before sending", null, false, false);
        }
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        if (context.httpRequest().firstMatchingHeader(HEADER).isPresent()) {
            throw new Stopped();
        }
    }

    /** Runs a priming call, which must end in its stop: a sent request or another failure is an error. */
    static void run(String service, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            if (Priming.stoppedBeforeSending(e)) {
                return;
            }
            throw new IllegalStateException("priming the " + service + " client failed", e);
        }
        throw new IllegalStateException("a priming request of the " + service + " client was sent");
    }
}
