/**
 * How Lambda hands a function its event: as JSON on a stream, read and written here instead of by the
 * runtime's own serializer. Each handler implements one of {@link dev.storecrm.platform.stream.SqsFunction},
 * {@link dev.storecrm.platform.stream.HttpFunction} or {@link dev.storecrm.platform.stream.ScheduledFunction}:
 * it keeps its typed {@code handleRequest(event, context)}, and the runtime, which prefers a
 * {@code RequestStreamHandler}, calls the stream method those interfaces add. A cold start then skips the
 * runtime's reflective event serializer (its own Jackson, Joda-Time and the events' mix-ins).
 */
package dev.storecrm.platform.stream;
