package dev.storecrm.carelists;

/**
 * ListExportFunction's service: writes one queued export ({@link ExportJobs.Job}) as a CSV file to the exports'
 * bucket and records it done. A message delivered twice writes the same file and record again; one that fails
 * half-way leaves nothing under its key and is retried by SQS.
 */
final class ListExportService {

    private final ExportJobs jobs;
    private final ListExport export;
    private final BirthdayList birthdays;
    private final DormantList dormant;

    ListExportService(ExportJobs jobs, ListExport export, BirthdayList birthdays, DormantList dormant) {
        this.jobs = jobs;
        this.export = export;
        this.birthdays = birthdays;
        this.dormant = dormant;
    }

    /** One message of the ListExportQueue; names the outcome. */
    String handle(String body) {
        ExportJobs.Job job = jobs.job(body);
        ExportRequest request = job.request();
        ListExport.Exported exported = request.list().equals("birthdays")
                ? export.export(job.fileKey(), request.name(), BirthdayList.COLUMNS,
                        (size, each) -> birthdays.pages(request.month(), request.kind(), size, each))
                : export.export(job.fileKey(), request.name(), DormantList.COLUMNS,
                        (size, each) -> dormant.pages(request.month(), size, each));
        jobs.finished(job, exported);
        return "EXPORTED";
    }
}
