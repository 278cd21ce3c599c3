package dev.storecrm.carelists;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A whole list to the export store: what is kept when the list fails half-way, and what a request may say. */
class ListExportTest {

    private final InMemoryExportStore store = new InMemoryExportStore();
    private final ListExport export = new ListExport(store);

    @Test
    void anExportThatFailsHalfWayIsAbortedAndLeavesNothing() {
        List<String> columns = List.of("customerId");
        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> export.export("exports/x/birthdays-2027-05.csv", "birthdays-2027-05", columns, (size, each) -> {
                    each.accept(new Table(columns).add(List.of("c-1")));
                    throw new IllegalStateException("a read failed past its retries");
                }));

        assertEquals("a read failed past its retries", failure.getMessage(), "the failure reaches the caller");
        assertEquals(1, store.aborted.size(), "the upload is aborted: no parts kept");
        assertEquals(Map.of(), store.files, "nothing to download");
    }

    @Test
    void aRequestNamesOnlyTheListItsMonthAndKind() {
        YearMonth may = YearMonth.of(2027, 5);
        assertEquals(new ExportRequest("dormant", may, "birthday"),
                ExportRequest.parse("{\"list\":\"dormant\",\"month\":\"2027-05\"}", may.plusMonths(3)));
        assertEquals("wedding-anniversaries-2027-05",
                ExportRequest.parse("{\"list\":\"birthdays\",\"kind\":\"wedding\"}", may).name(),
                "the current month when none is given");
        assertEquals("list must be birthdays or dormant, not ''",
                assertThrows(IllegalArgumentException.class, () -> ExportRequest.parse("", may)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> ExportRequest.parse("{\"list\":[\"birthdays\"]}", may));
        assertThrows(IllegalArgumentException.class, () -> ExportRequest.parse("{\"rows\":\"all\"}", may));
        assertThrows(IllegalArgumentException.class, () -> ExportRequest.parse("not json", may));
        assertThrows(IllegalArgumentException.class,
                () -> ExportRequest.parse("{\"list\":\"birthdays\",\"month\":\"June\"}", may));
        assertThrows(IllegalArgumentException.class,
                () -> ExportRequest.parse("{\"list\":\"birthdays\",\"kind\":\"<b>\"}", may));
    }
}
