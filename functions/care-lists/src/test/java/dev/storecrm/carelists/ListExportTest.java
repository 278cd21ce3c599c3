package dev.storecrm.carelists;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A whole list to the export store: what is kept when the list fails half-way, and what a request may say. */
class ListExportTest {

    private final InMemoryExportStore store = new InMemoryExportStore();
    private final ListExport export = new ListExport(store, Duration.ofMinutes(15),
            Clock.fixed(Instant.parse("2027-05-01T00:00:00Z"), ZoneOffset.UTC));

    @Test
    void anExportThatFailsHalfWayIsAbortedAndLinksNothing() {
        List<String> columns = List.of("customerId");
        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> export.export("birthdays-2027-05", columns, (size, each) -> {
                    each.accept(new Table(columns).add(List.of("c-1")));
                    throw new IllegalStateException("a read failed past its retries");
                }));

        assertEquals("a read failed past its retries", failure.getMessage(), "the failure reaches the caller");
        assertEquals(1, store.aborted.size(), "the upload is aborted: no parts kept");
        assertEquals(Map.of(), store.files, "nothing to download");
    }

    @Test
    void aRequestNamesOnlyTheListItsMonthAndKind() {
        assertEquals(Map.of("list", "dormant", "month", "2027-05"),
                ListExport.params("{\"list\":\"dormant\",\"month\":\"2027-05\"}"));
        assertEquals(Map.of(), ListExport.params(""));
        assertThrows(IllegalArgumentException.class, () -> ListExport.params("{\"list\":[\"birthdays\"]}"));
        assertThrows(IllegalArgumentException.class, () -> ListExport.params("{\"rows\":\"all\"}"));
        assertThrows(IllegalArgumentException.class, () -> ListExport.params("not json"));
    }
}
