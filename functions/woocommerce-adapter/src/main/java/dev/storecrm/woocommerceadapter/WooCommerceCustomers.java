package dev.storecrm.woocommerceadapter;

import dev.storecrm.domain.json.tree.ObjectNode;
import dev.storecrm.platform.adapter.CanonicalEvent;
import dev.storecrm.platform.adapter.ContractValues;
import dev.storecrm.platform.adapter.Mapping;
import dev.storecrm.platform.adapter.Payload;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * WooCommerce customers are accounts: {@code customer.created} is a registration (MemberRegistered,
 * id from the customer), {@code customer.updated} a profile change (MemberUpdated, id from the
 * customer and its {@code date_modified_gmt}, so each change is one event however often it is
 * delivered). Profile: name, e-mail, the billing phone (E.164 only) and the billing country. The
 * history import maps the REST API's customers through here as well. {@code customer.deleted} is an
 * erasure request of the store's ({@link #deleted}).
 */
public final class WooCommerceCustomers {

    private static final DateTimeFormatter COMPACT = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'");

    public Mapping created(Payload customer) {
        String id = customer.id("id");
        OffsetDateTime at = customer.optionalUtcDateTime("date_created_gmt")
                .orElseThrow(() -> Payload.violation(customer.path("date_created_gmt"), "is required"));
        CanonicalEvent registered = WooCommerceOrders.event("woocommerce:customer:" + id + ":MemberRegistered",
                "MemberRegistered", at).put("customerId", "woocommerce:" + id);
        registered.body().set("profile", profile(customer));
        return Mapping.publish(registered);
    }

    public Mapping updated(Payload customer) {
        String id = customer.id("id");
        ObjectNode profile = profile(customer);
        if (profile.isEmpty()) {
            return Mapping.ignored("IGNORED_NOTHING_TO_UPDATE");
        }
        OffsetDateTime at = customer.optionalUtcDateTime("date_modified_gmt")
                .or(() -> customer.optionalUtcDateTime("date_created_gmt"))
                .orElseThrow(() -> Payload.violation(customer.path("date_modified_gmt"), "is required"));
        CanonicalEvent updated = WooCommerceOrders.event("woocommerce:customer:" + id + ":" + COMPACT.format(at)
                + ":MemberUpdated", "MemberUpdated", at).put("customerId", "woocommerce:" + id);
        updated.body().set("profile", profile);
        return Mapping.publish(updated);
    }

    /**
     * {@code customer.deleted}: the store deleted the customer's account (WooCommerce sends only its {@code id}),
     * which StoreCRM takes as the store's request to erase the customer (CustomerErasureRequested, contract version
     * 2, no deadline), kept and carried out by the privacy requests function. Dated when the deletion was delivered.
     */
    Mapping deleted(Payload customer, OffsetDateTime deliveredAt) {
        String id = customer.id("id");
        CanonicalEvent erasure = WooCommerceOrders.event("woocommerce:customer:" + id + ":CustomerErasureRequested",
                "CustomerErasureRequested", deliveredAt).put("requestId", "woocommerce:customer-deleted:" + id);
        erasure.body().putObject("subject").put("customerId", "woocommerce:" + id);
        erasure.body().putObject("requester").put("party", "store").put("via", "woocommerce");
        return Mapping.publish(erasure);
    }

    private static ObjectNode profile(Payload customer) {
        ObjectNode profile = customer.optionalObject("billing").map(WooCommerceOrders::contact)
                .orElseGet(CanonicalEvent::object);
        String name = String.join(" ", customer.optionalText("first_name").orElse(""),
                customer.optionalText("last_name").orElse("")).trim();
        if (!name.isEmpty()) {
            profile.put("name", ContractValues.cut(name, ContractValues.NAME));
        }
        ContractValues.email(customer.optionalText("email")).ifPresent(e -> profile.put("email", e));
        return profile;
    }
}
