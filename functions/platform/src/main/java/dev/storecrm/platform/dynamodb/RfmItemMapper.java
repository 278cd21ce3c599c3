package dev.storecrm.platform.dynamodb;

import static dev.storecrm.platform.dynamodb.Attributes.n;
import static dev.storecrm.platform.dynamodb.Attributes.s;

import dev.storecrm.domain.rfm.RfmChange;
import dev.storecrm.domain.rfm.RfmInputs;
import dev.storecrm.domain.rfm.RfmScores;
import dev.storecrm.domain.rfm.RfmState;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The RfmTable's items (partition {@code pk}, sort {@code sk}); attribute names are listed in
 * docs/data-model.md, which the member view reads by:
 * <ul>
 *   <li>{@code MEMBER#<customerId>} / {@code STATE}: the member's {@link RfmState};</li>
 *   <li>{@code MEMBER#<customerId>} / {@code GROUP#<group>}: one membership, {@code group} and
 *       {@code customerId} being the keys of the {@code ByGroup} index ({@code segment#champions},
 *       {@code audience#bought-360d});</li>
 *   <li>{@code HIST#<shard>} / {@code TOTALS}: members, {@code F<nn>}, {@code M<nnn>} buckets and the live counts
 *       {@code C_<group>}; {@code HIST#<shard>} / {@code WEEK#<nnnnnn>}: members by week of their last order;</li>
 *   <li>{@code DAY#<shard>} / {@code <yyyy-MM-dd>}: the shard's counts as they were at the end of that day.</li>
 * </ul>
 */
final class RfmItemMapper {

    static final String STATE = "STATE";

    private RfmItemMapper() {}

    static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of("pk", s(pk), "sk", s(sk));
    }

    static String memberKey(String customerId) {
        return "MEMBER#" + customerId;
    }

    static String group(RfmChange.Group group) {
        return group.kind().name().toLowerCase(Locale.ROOT) + "#" + group.name();
    }

    static RfmChange.Group group(String value) {
        int hash = value.indexOf('#');
        return new RfmChange.Group(RfmChange.Kind.valueOf(value.substring(0, hash).toUpperCase(Locale.ROOT)),
                value.substring(hash + 1));
    }

    static Map<String, AttributeValue> membership(String customerId, RfmChange.Group group, Instant since) {
        return Map.of("pk", s(memberKey(customerId)), "sk", s("GROUP#" + group(group)), "group", s(group(group)),
                "customerId", s(customerId), "since", s(since.toString()));
    }

    static Map<String, AttributeValue> toItem(RfmState state, long version) {
        Map<String, AttributeValue> item = new HashMap<>(key(memberKey(state.customerId()), STATE));
        RfmInputs in = state.inputs();
        item.put("customerId", s(state.customerId()));
        item.put("version", n(version));
        item.put("lastOrderAt", s(in.lastOrderAt().toString()));
        item.put("orders", n(in.orders()));
        item.put("spendMinor", n(in.spendMinor()));
        item.put("tierRank", n(in.tierRank()));
        item.put("recentOrders", n(in.recentOrders()));
        item.put("recentWithCoupon", n(in.recentWithCoupon()));
        item.put("r", n(state.scores().r()));
        item.put("f", n(state.scores().f()));
        item.put("m", n(state.scores().m()));
        item.put("rfm", s(state.scores().code()));
        item.put("segment", s(state.segment()));
        item.put("audiences", Attributes.l(state.audiences().stream().map(Attributes::s).toList()));
        item.put("recentOrderIds", Attributes.l(state.recentOrderIds().stream().map(Attributes::s).toList()));
        state.nextCheck().ifPresent(at -> item.put("nextCheck", s(at.toString())));
        item.put("evaluatedAt", s(state.evaluatedAt().toString()));
        return item;
    }

    static RfmState fromItem(Map<String, AttributeValue> item) {
        RfmInputs inputs = new RfmInputs(Instant.parse(item.get("lastOrderAt").s()), number(item, "orders"),
                number(item, "spendMinor"), (int) number(item, "tierRank"), (int) number(item, "recentOrders"),
                (int) number(item, "recentWithCoupon"));
        return new RfmState(item.get("customerId").s(), number(item, "version"), inputs,
                new RfmScores((int) number(item, "r"), (int) number(item, "f"), (int) number(item, "m")),
                item.get("segment").s(), strings(item, "audiences"), strings(item, "recentOrderIds"),
                Attributes.string(item, "nextCheck").map(Instant::parse), Instant.parse(item.get("evaluatedAt").s()));
    }

    static long number(Map<String, AttributeValue> item, String name) {
        return Attributes.number(item, name, 0);
    }

    private static List<String> strings(Map<String, AttributeValue> item, String name) {
        return Attributes.list(item, name).stream().map(AttributeValue::s).toList();
    }

    static Optional<Map<String, AttributeValue>> present(Map<String, AttributeValue> item) {
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }
}
