package dev.storecrm.localcloud;

import java.util.Map;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.opentest4j.AssertionFailedError;

/**
 * JUnit 5: the {@link LocalCloudExtension}'s cloud, {@linkplain LocalCloud#reset() reset} before each test (before
 * its {@code @BeforeEach} methods), and a test fails if it leaves a message in any dead-letter queue: whatever
 * a test does, nothing may be lost. Tests that mean to dead-letter a message use {@link LocalCloudExtension}.
 */
public final class FreshLocalCloud implements BeforeEachCallback, AfterEachCallback, ParameterResolver {

    private final LocalCloudExtension shared = new LocalCloudExtension();

    @Override
    public void beforeEach(ExtensionContext context) {
        LocalCloudExtension.cloud(context).reset();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Map<String, Integer> lost = LocalCloudExtension.cloud(context).deadLetters();
        if (!lost.isEmpty() && context.getExecutionException().isEmpty()) {
            throw new AssertionFailedError("every dead-letter queue stays empty, but " + lost, Map.of(), lost);
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        return shared.supportsParameter(parameter, extension);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        return shared.resolveParameter(parameter, extension);
    }
}
