package dev.storecrm.memberview;

import dev.storecrm.domain.Revisioned;
import dev.storecrm.domain.cart.Cart;
import dev.storecrm.domain.dispute.Dispute;
import dev.storecrm.domain.loyalty.LedgerEntry;
import dev.storecrm.domain.loyalty.PointsAccount;
import dev.storecrm.domain.member.ArchivedOrder;
import dev.storecrm.domain.memberview.ContactKeys;
import dev.storecrm.domain.memberview.MemberFile;
import dev.storecrm.domain.winback.WinBackJournal;
import dev.storecrm.fixtures.memory.InMemoryMembers;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;

/**
 * The member view's reads over in-memory stores: the members of an {@link InMemoryMembers} (indexed
 * by the same {@link ContactKeys} the archive's item writes), their orders, and lists a test fills.
 */
final class InMemoryMemberFile implements MemberFile {

    private final InMemoryMembers members;
    private final List<String> ids = new ArrayList<>();
    final Map<String, PointsAccount> accounts = new HashMap<>();
    final Set<String> pointsRequests = new HashSet<>();
    final Map<String, List<LedgerEntry>> entries = new HashMap<>();
    final Map<String, List<Mail>> mails = new HashMap<>();
    final Map<String, List<WinBackJournal.Entry>> winBack = new HashMap<>();
    final Map<String, List<Greeting>> greetings = new HashMap<>();
    final Map<String, List<Cart>> carts = new HashMap<>();
    final Map<String, List<Dispute>> disputes = new HashMap<>();

    InMemoryMemberFile(InMemoryMembers members) {
        this.members = members;
    }

    /** Indexes a member the test put into the archive. */
    void index(String customerId) {
        ids.add(customerId);
    }

    @Override
    public List<String> idsByEmail(String emailKey, int limit) {
        return matching(p -> ContactKeys.emailKey(p.email()), emailKey, limit);
    }

    @Override
    public List<String> idsByPhone(String phoneKey, int limit) {
        return matching(p -> ContactKeys.phoneKey(p.phone()), phoneKey, limit);
    }

    private List<String> matching(Function<dev.storecrm.domain.member.Profile, Optional<String>> key, String value,
                                  int limit) {
        return ids.stream().filter(id -> members.find(id, false).map(Revisioned::value)
                .flatMap(r -> key.apply(r.profile())).filter(value::equals).isPresent()).limit(limit).toList();
    }

    @Override
    public Page<ArchivedOrder> orders(String customerId, int limit, Optional<String> next) {
        List<ArchivedOrder> all = members.orders().all(customerId).stream()
                .sorted(Comparator.comparing(ArchivedOrder::orderId).reversed())
                .filter(o -> next.isEmpty() || o.orderId().compareTo(next.get()) < 0).toList();
        List<ArchivedOrder> page = all.stream().limit(limit).toList();
        return new Page<>(page, all.size() > limit ? Optional.of(page.getLast().orderId()) : Optional.empty());
    }

    @Override
    public Optional<PointsAccount> pointsAccount(String customerId) {
        return Optional.ofNullable(accounts.get(customerId));
    }

    @Override
    public boolean pointsRequestApplied(String customerId, String requestKey) {
        return pointsRequests.contains(customerId + "/" + requestKey);
    }

    @Override
    public List<LedgerEntry> pointsEntries(String customerId, int limit, OptionalLong before) {
        return entries.getOrDefault(customerId, List.of()).stream()
                .filter(e -> before.isEmpty() || e.sequence() < before.getAsLong())
                .sorted(Comparator.comparingLong(LedgerEntry::sequence).thenComparingInt(LedgerEntry::index).reversed())
                .limit(limit).toList();
    }

    @Override
    public List<WinBackJournal.Entry> winBackSteps(String customerId, int limit) {
        return winBack.getOrDefault(customerId, List.of()).stream().limit(limit).toList();
    }

    @Override
    public List<Greeting> greetings(String customerId) {
        return greetings.getOrDefault(customerId, List.of());
    }

    @Override
    public List<Cart> openCarts(String customerId, int limit) {
        return carts.getOrDefault(customerId, List.of()).stream().limit(limit).toList();
    }

    @Override
    public List<Dispute> openDisputes(String customerId, int limit) {
        return disputes.getOrDefault(customerId, List.of()).stream().limit(limit).toList();
    }

    @Override
    public Page<Mail> mails(String customerId, int limit, Optional<String> next) {
        List<Mail> all = mails.getOrDefault(customerId, List.of()).stream()
                .sorted(Comparator.comparing(Mail::settledAt).reversed())
                .dropWhile(m -> next.isPresent() && !m.businessKey().equals(next.get()))
                .skip(next.isPresent() ? 1 : 0).toList();
        List<Mail> page = all.stream().limit(limit).toList();
        return new Page<>(page, all.size() > limit ? Optional.of(page.getLast().businessKey()) : Optional.empty());
    }
}
