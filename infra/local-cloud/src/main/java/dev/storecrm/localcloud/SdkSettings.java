package dev.storecrm.localcloud;

/**
 * How the local cloud points the SDK at itself (the SDK's own system properties: region, credentials and one
 * endpoint per service), and how it plays SNS's delivery to the template's SQS subscriptions.
 */
final class SdkSettings {

    private SdkSettings() {}

    /** Every SDK client built from here on talks to this backend, and to the local SMS emulator it returns. */
    static SmsEmulator pointAt(CloudBackend backend) {
        SmsEmulator sms = new SmsEmulator(backend.region());
        System.setProperty("aws.region", backend.region());
        System.setProperty("aws.accessKeyId", LocalCloud.ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", LocalCloud.SECRET_KEY);
        System.setProperty("aws.endpointUrlDynamoDb", backend.dynamoDbEndpoint().toString());
        System.setProperty("aws.endpointUrlSqs", backend.sqsEndpoint().toString());
        System.setProperty("aws.endpointUrlSesV2", backend.sesEndpoint().toString());
        System.setProperty("aws.endpointUrlSecretsManager", backend.secretsManagerEndpoint().toString());
        System.setProperty("aws.endpointUrlEventBridge", backend.eventBridgeEndpoint().toString());
        System.setProperty("aws.endpointUrlS3", backend.s3Endpoint().toString());
        System.setProperty("aws.endpointUrlPinpointSmsVoiceV2", sms.endpoint().toString());
        return sms;
    }

    /** A message published to the template's topics, as SNS delivers it (raw) to every SQS subscription. */
    static void deliverToSqsSubscribers(LocalCloud cloud, String message) {
        Template template = cloud.template();
        for (Template.Resource subscription : template.resourcesOfType("AWS::SNS::Subscription")) {
            if ("sqs".equals(subscription.properties().get("Protocol"))) {
                Object endpoint = subscription.properties().get("Endpoint");
                String queue = template.logicalIdOfArn(template.resolveString(endpoint));
                cloud.sqs().sendMessage(m -> m.queueUrl(cloud.queueUrl(queue)).messageBody(message));
            }
        }
    }
}
