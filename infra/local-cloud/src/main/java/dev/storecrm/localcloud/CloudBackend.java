package dev.storecrm.localcloud;

import java.net.URI;

/** Where the emulated AWS services run: in this JVM on loopback, or in a LocalStack container. */
interface CloudBackend extends AutoCloseable {

    URI dynamoDbEndpoint();

    URI sqsEndpoint();

    String region();

    String describe();

    @Override
    void close();
}
