package dev.storecrm.shopifyadapter;

import dev.storecrm.domain.json.JsonFields;
import dev.storecrm.domain.json.tree.ArrayNode;
import dev.storecrm.domain.json.tree.ObjectNode;
import dev.storecrm.domain.money.Money;
import dev.storecrm.platform.adapter.Amounts;
import dev.storecrm.platform.adapter.CanonicalEvent;
import dev.storecrm.platform.adapter.ContractValues;
import dev.storecrm.platform.adapter.Payload;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * Shopify's money and lines in the contract's terms. Money is always the shop-currency amount of a
 * price set ({@code total_price_set.shop_money}), never the presentment currency the buyer saw, and
 * must be the store currency. A line's SKU is kept when it is a valid identifier; otherwise (empty,
 * spaces, other characters) the line is named by its variant ({@code shopify:variant:<id>}), its
 * product, or the line itself.
 */
final class ShopifyMoney {

    private final Amounts amounts;

    ShopifyMoney(Amounts amounts) {
        this.amounts = amounts;
    }

    Amounts amounts() {
        return amounts;
    }

    /** {@code parent.<setField>.shop_money} in the store currency. */
    Money shop(Payload parent, String setField) {
        Payload money = parent.object(setField).object("shop_money");
        return amounts.storeMoney(money.text("amount"), money.text("currency_code"), money.path("amount"));
    }

    /** The signed shop-currency amount of a price set (zero when absent), for sums with negative parts. */
    BigDecimal signedShop(Payload parent, String setField) {
        Optional<Payload> set = parent.optionalObject(setField);
        if (set.isEmpty()) {
            return BigDecimal.ZERO;
        }
        Payload money = set.get().object("shop_money");
        return amounts.storeDecimal(money.text("amount"), money.text("currency_code"), money.path("amount"));
    }

    /** An order's lines, priced by {@code price_set.shop_money}; lines with no quantity left out. */
    ArrayNode orderLines(List<Payload> items) {
        ArrayNode lines = CanonicalEvent.array();
        for (Payload item : items) {
            if (item.integer("quantity") > 0) {
                lines.add(line(item, shop(item, "price_set")));
            }
        }
        return lines;
    }

    /** A checkout's lines, priced in the checkout's currency (which must be the shop's). */
    ArrayNode checkoutLines(List<Payload> items, String currency) {
        ArrayNode lines = CanonicalEvent.array();
        for (Payload item : items) {
            if (item.integer("quantity") > 0) {
                lines.add(line(item, amounts.storeMoney(item.text("price"), currency, item.path("price"))));
            }
        }
        return lines;
    }

    private static ObjectNode line(Payload item, Money unitPrice) {
        ObjectNode line = CanonicalEvent.object();
        line.put("sku", sku(item));
        String name = item.optionalText("name").or(() -> item.optionalText("title")).orElse(sku(item));
        line.put("name", ContractValues.cut(name, ContractValues.LINE_NAME));
        line.put("quantity", item.integer("quantity"));
        line.set("unitPrice", CanonicalEvent.money(unitPrice));
        return line;
    }

    static String sku(Payload item) {
        Optional<String> sku = item.optionalText("sku").filter(s -> JsonFields.IDENTIFIER.matcher(s).matches());
        return sku.or(() -> item.optionalId("variant_id").map(id -> "shopify:variant:" + id))
                .or(() -> item.optionalId("product_id").map(id -> "shopify:product:" + id))
                .orElseGet(() -> "shopify:line:" + item.id("id"));
    }
}
