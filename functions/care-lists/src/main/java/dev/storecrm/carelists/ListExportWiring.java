package dev.storecrm.carelists;

import dev.storecrm.platform.Settings;
import dev.storecrm.platform.SharedAdapters;
import dev.storecrm.platform.batch.SqsBatchProcessor;
import dev.storecrm.platform.metrics.MetricsFactory;
import java.time.Clock;
import java.util.Map;

/** The composition root of ListExportFunction: the member lists, the exports' bucket, the jobs, the service. */
record ListExportWiring(ListExportService service, SqsBatchProcessor batch) {

    static final String CONSUMER = "list-export";

    ListExportWiring(Map<String, String> environment, Clock clock) {
        this(SharedAdapters.from(new Settings(environment), clock));
    }

    private ListExportWiring(SharedAdapters shared) {
        this(service(shared, MemberLists.exportStore(shared)), shared.batch(CONSUMER,
                MetricsFactory.getMetricsInstance()));
    }

    private static ListExportService service(SharedAdapters shared, S3ExportStore store) {
        MemberLists lists = MemberLists.from(shared);
        return new ListExportService(new ListExport(store), store, lists.birthdays(), lists.dormant(),
                shared.clock());
    }
}
