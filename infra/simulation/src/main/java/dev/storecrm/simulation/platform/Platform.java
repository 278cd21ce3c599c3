package dev.storecrm.simulation.platform;

import dev.storecrm.localcloud.LocalCloud;
import dev.storecrm.localcloud.LocalFunctions;
import dev.storecrm.localcloud.Template;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * The platform the simulated store runs on ({@code ./dev run --platform}): which voice it speaks
 * with, and the template parameters a store on that platform deploys with (the partner event
 * sources Shopify and Stripe create, the shop's domain). Set them before the local cloud starts
 * ({@link #useTemplateParameters()}), so that the partner buses' rules exist.
 */
public enum Platform {

    CANONICAL(Map.of()),
    SHOPIFY(Map.of("ShopifyPartnerEventSource", ShopifyPayloads.PARTNER_SOURCE,
            "ShopifyShopDomain", ShopifyPayloads.SHOP_DOMAIN)),
    STRIPE(Map.of("StripePartnerEventSource", StripePayloads.PARTNER_SOURCE)),
    WOOCOMMERCE(Map.of());

    private final Map<String, String> templateParameters;

    Platform(Map<String, String> templateParameters) {
        this.templateParameters = templateParameters;
    }

    /** {@code shopify}, {@code stripe}, {@code woocommerce} or {@code canonical}. */
    public static Platform parse(String name) {
        return Arrays.stream(values()).filter(p -> p.label().equals(name)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("--platform must be shopify, stripe or woocommerce, not '" + name + "'"));
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The template parameters of a store on this platform, as {@code storecrm.parameter.*} system properties. */
    public void useTemplateParameters() {
        templateParameters.forEach((name, value) -> System.setProperty(Template.PARAMETER_PROPERTY + name, value));
    }

    /** Unsets what {@link #useTemplateParameters()} set. */
    public void forgetTemplateParameters() {
        templateParameters.keySet().forEach(name -> System.clearProperty(Template.PARAMETER_PROPERTY + name));
    }

    /**
     * The voice of a store on this platform, delivering into this cloud's functions at the clock's time.
     * The store connects the platform (goes live) at the clock's time now: its past is imported.
     */
    public StoreVoice voice(LocalCloud cloud, LocalFunctions functions, Clock clock, String currency,
                            String canonicalSource) {
        Instant goLive = clock.instant();
        return switch (this) {
            case CANONICAL -> new CanonicalVoice(cloud, canonicalSource);
            case SHOPIFY -> new ShopifyVoice(new Deliveries(cloud, functions, clock, "shopify-adapter"), currency,
                    goLive);
            case STRIPE -> new StripeVoice(new Deliveries(cloud, functions, clock, "stripe-adapter"), currency, goLive);
            case WOOCOMMERCE -> new WooCommerceVoice(new Deliveries(cloud, functions, clock, "woocommerce-adapter"),
                    currency, goLive);
        };
    }
}
