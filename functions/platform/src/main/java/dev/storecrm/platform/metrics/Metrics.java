package dev.storecrm.platform.metrics;

import com.amazonaws.services.lambda.runtime.Context;

/**
 * The metrics a function records in an invocation, written as CloudWatch embedded metric format (EMF) when
 * flushed ({@link EmfMetrics}). The part of Powertools' {@code Metrics} the functions call, with its names and
 * signatures, so that replacing Powertools (whose EMF library serialises with Jackson) changed only imports.
 */
public interface Metrics {

    /** Adds {@code value} to the metric {@code name}; a name added again keeps each value, as EMF allows. */
    void addMetric(String name, double value, MetricUnit unit);

    /** Writes what was added since the last flush, then starts again; nothing added writes nothing. */
    void flush();

    /**
     * Records a {@code ColdStart} metric of 1, at once and on its own line, if this is the function's first
     * invocation ({@code powertools-common}'s flag, which {@code LambdaLogging} ends): call it before.
     */
    void captureColdStartMetric(Context context);
}
