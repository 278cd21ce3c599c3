package dev.storecrm.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkSystemSetting;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;

class AwsClientsTest {

    private static final String SETTING = SdkSystemSetting.SYNC_HTTP_SERVICE_IMPL.property();

    @Test
    void functionsUseTheUrlConnectionClientByDefault() {
        List<Object> httpClients = withSetting(null);

        assertEquals(1, httpClients.size());
        assertEquals("UrlConnection",
                ((software.amazon.awssdk.http.SdkHttpClient) httpClients.getFirst()).clientName());
    }

    @Test
    void theSdksOwnSettingLetsTheSdkBuildTheHttpClientItNames() {
        List<Object> httpClients = withSetting("dev.storecrm.localcloud.LoopbackHttpClient$Service");

        assertTrue(httpClients.isEmpty(), "no HTTP client is forced on the builder: " + httpClients);
    }

    /** The HTTP clients AwsClients set on a client builder, with the SDK setting as given. */
    @SuppressWarnings("unchecked")
    private static List<Object> withSetting(String value) {
        String before = System.getProperty(SETTING);
        List<Object> httpClients = new ArrayList<>();
        SdkSyncClientBuilder<?, ?> builder = (SdkSyncClientBuilder<?, ?>) Proxy.newProxyInstance(
                AwsClientsTest.class.getClassLoader(), new Class<?>[] {SdkSyncClientBuilder.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("httpClient")) {
                        httpClients.add(args[0]);
                    }
                    return proxy;
                });
        try {
            if (value == null) {
                System.clearProperty(SETTING);
            } else {
                System.setProperty(SETTING, value);
            }
            AwsClients.http((SdkSyncClientBuilder) builder);
        } finally {
            if (before == null) {
                System.clearProperty(SETTING);
            } else {
                System.setProperty(SETTING, before);
            }
        }
        return httpClients;
    }
}
