package dev.storecrm.carelists;

import dev.storecrm.domain.care.FollowUpBook;
import dev.storecrm.domain.care.FollowUpCall;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/** The columns a worked list shows of a member's follow-up call: its outcome and note, who made it and when. */
final class FollowUpColumns {

    static final List<String> NAMES = List.of("followUp", "followUpNote", "followUpBy", "followUpAt");

    private final FollowUpBook book;
    private final ZoneId storeZone;

    FollowUpColumns(FollowUpBook book, ZoneId storeZone) {
        this.book = book;
        this.storeZone = storeZone;
    }

    List<String> of(String list, YearMonth month, String customerId) {
        Optional<FollowUpCall> call = book.find(list, month, customerId);
        return List.of(call.map(c -> c.outcome().name()).orElse(""),
                call.flatMap(FollowUpCall::note).orElse(""),
                call.map(FollowUpCall::by).orElse(""),
                call.map(c -> DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(c.at().atZone(storeZone).withNano(0)))
                        .orElse(""));
    }
}
