package dev.storecrm.carelists;

import dev.storecrm.domain.member.MemberRecord;
import dev.storecrm.domain.member.MemberSummary;
import dev.storecrm.domain.member.Profile;
import java.util.List;
import java.util.Optional;

/** The columns every staff list shows of a member: who, how to reach them, how they want to be reached. */
final class MemberColumns {

    static final List<String> NAMES =
            List.of("customerId", "name", "phone", "email", "contactPreference", "marketingConsent", "tier", "status");

    private MemberColumns() {}

    static List<String> of(String customerId, Optional<MemberRecord> record, Optional<MemberSummary> summary) {
        Profile profile = record.map(MemberRecord::profile).orElse(Profile.EMPTY);
        return List.of(customerId,
                text(profile.name()),
                text(profile.phone()),
                text(profile.email()),
                profile.contactPreference() == null ? "" : profile.contactPreference().name(),
                profile.marketingConsent() == null ? "unknown" : profile.marketingConsent().granted() ? "yes" : "no",
                summary.flatMap(MemberSummary::tier).orElse(""),
                summary.map(s -> s.status().wire()).orElse("unknown member"));
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
