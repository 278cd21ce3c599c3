package dev.storecrm.localcloud;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5: one provisioned {@link LocalCloud} per test JVM, started on first use (about two
 * seconds) and stopped when the JVM's tests end. Declare a {@code LocalCloud} parameter to get it;
 * call {@link LocalCloud#reset()} to start a test from empty tables and queues, or use {@link FreshLocalCloud},
 * which does that and checks that the test lost nothing.
 */
public final class LocalCloudExtension implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        return parameter.getParameter().getType() == LocalCloud.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        return cloud(extension);
    }

    /** The test JVM's one cloud, started on first use. */
    static LocalCloud cloud(ExtensionContext extension) {
        return extension.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(CloudResource.class, k -> new CloudResource(), CloudResource.class)
                .cloud;
    }

    private static final class CloudResource implements ExtensionContext.Store.CloseableResource {
        private final LocalCloud cloud = LocalCloud.start().provision();

        @Override
        public void close() {
            cloud.close();
        }
    }
}
