package dev.storecrm.platform.logging;

import com.amazonaws.services.lambda.runtime.Context;
import java.util.function.Supplier;
import org.slf4j.MDC;
import software.amazon.lambda.powertools.common.internal.LambdaHandlerProcessor;

/**
 * One Lambda invocation's log context, as Powertools' {@code PowertoolsLogging.withLogging} set it: the function's
 * name, version, ARN, memory, request id, cold-start flag, service and X-Ray trace id on every line the invocation
 * writes ({@link JsonLine}), cleared when it ends. The cold-start flag is the one the metrics'
 * {@code captureColdStartMetric} reads too.
 */
public final class LambdaLogging {

    private LambdaLogging() {
    }

    /** {@code work}'s result, with every line it logs carrying the invocation's context. */
    public static <T> T withLogging(Context context, Supplier<T> work) {
        start(context);
        try {
            return work.get();
        } finally {
            MDC.clear();
        }
    }

    private static synchronized void start(Context context) {
        if (context != null) {
            MDC.put("function_name", context.getFunctionName());
            MDC.put("function_version", context.getFunctionVersion());
            MDC.put("function_arn", context.getInvokedFunctionArn());
            MDC.put("function_memory_size", String.valueOf(context.getMemoryLimitInMB()));
            MDC.put("function_request_id", String.valueOf(context.getAwsRequestId()));
        }
        MDC.put("cold_start", String.valueOf(LambdaHandlerProcessor.isColdStart()));
        LambdaHandlerProcessor.coldStartDone();
        MDC.put("service", LambdaHandlerProcessor.serviceName());
        LambdaHandlerProcessor.getXrayTraceId().ifPresent(trace -> MDC.put("xray_trace_id", trace));
    }
}
