package dev.storecrm.carelists;

import dev.storecrm.domain.InvalidInputException;
import dev.storecrm.domain.RejectReason;
import java.time.Clock;

/**
 * ListExportFunction's service: writes one queued export ({@link ExportJob}) as a CSV file to the exports'
 * bucket and records it done. A message delivered twice writes the same file and record again; one that fails
 * half-way leaves nothing under its key and is retried by SQS.
 */
final class ListExportService {

    private final ListExport export;
    private final ExportStore store;
    private final BirthdayList birthdays;
    private final DormantList dormant;
    private final Clock clock;

    ListExportService(ListExport export, ExportStore store, BirthdayList birthdays, DormantList dormant,
                      Clock clock) {
        this.export = export;
        this.store = store;
        this.birthdays = birthdays;
        this.dormant = dormant;
        this.clock = clock;
    }

    /** One message of the ListExportQueue; names the outcome. */
    String handle(String body) {
        ExportJob job;
        try {
            job = ExportJob.of(body);
        } catch (RuntimeException e) {
            throw new InvalidInputException(RejectReason.SCHEMA_VIOLATION, "not an export job: " + e.getMessage());
        }
        ExportRequest request = job.request();
        ListExport.Exported exported = request.list().equals("birthdays")
                ? export.export(job.fileKey(), request.name(), BirthdayList.COLUMNS,
                        (size, each) -> birthdays.pages(request.month(), request.kind(), size, each))
                : export.export(job.fileKey(), request.name(), DormantList.COLUMNS,
                        (size, each) -> dormant.pages(request.month(), size, each));
        store.put(ExportJob.recordKey(job.id()), job.done(exported, clock.instant()).toString());
        return "EXPORTED";
    }
}
