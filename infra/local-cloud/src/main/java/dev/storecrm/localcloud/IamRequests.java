package dev.storecrm.localcloud;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;

/**
 * What IAM authorises for one SDK call: the actions and the resource ARNs they are checked
 * against, as the service's authorization reference says.
 * <ul>
 *   <li>DynamoDB: the operation on the table, or on {@code table/T/index/I} for a query of an index;
 *       {@code BatchGetItem} and {@code BatchWriteItem} on every table named; a transaction as its
 *       items' own actions ({@code PutItem}, {@code UpdateItem}, {@code DeleteItem},
 *       {@code ConditionCheckItem}, {@code GetItem}) on their tables.</li>
 *   <li>SQS: the operation on the queue; a batch as its single action ({@code SendMessageBatch}
 *       is {@code sqs:SendMessage}).</li>
 *   <li>SES v2 {@code SendEmail}: {@code ses:SendEmail} on the sending identity and on the
 *       configuration set. The identity is the From address's own identity or its domain's,
 *       whichever the account verified; the stack does not know which, so either is accepted.</li>
 *   <li>Secrets Manager: the operation on the secret; EventBridge {@code PutEvents}: on each bus.</li>
 *   <li>S3 object calls on {@code arn:aws:s3:::bucket/key}: the steps of a multipart upload as
 *       {@code s3:PutObject} (its abort as {@code s3:AbortMultipartUpload}); a pre-signed
 *       {@code GetObject} as {@code s3:GetObject}, checked when the link is signed (on AWS, when it is used,
 *       against the signer's policy then); a read of a missing key is 404 only for a caller allowed
 *       {@code s3:ListBucket} on the bucket, else 403 ({@link IamEnforcer}); {@code DeleteObject} as
 *       {@code s3:DeleteObject}.</li>
 * </ul>
 * A call this class does not know is refused with a message saying so, rather than allowed
 * unchecked: teach it the call's resource when a function starts making it.
 */
final class IamRequests {

    /** One authorisation: the action on any one of the resources (usually exactly one). */
    record Check(String action, List<String> anyOf) {
        Check(String action, String resource) {
            this(action, List.of(resource));
        }
    }

    private final String region;

    IamRequests(String region) {
        this.region = region;
    }

    List<Check> checks(String service, String operation, SdkRequest request) {
        return switch (service) {
            case "DynamoDb" -> dynamoDb(operation, request);
            case "Sqs" -> List.of(new Check("sqs:" + sqsAction(operation), queueArn(request)));
            case "SesV2" -> ses(operation, request);
            case "SecretsManager" -> List.of(new Check("secretsmanager:" + operation,
                    secretArn(field(request, "SecretId"))));
            case "EventBridge" -> eventBridge(operation, request);
            // The client names the service S3; the pre-signer, whose calls are checked too, s3.
            case "S3", "s3" -> List.of(new Check(s3Action(operation), "arn:aws:s3:::" + field(request, "Bucket") + "/"
                    + field(request, "Key")));
            default -> throw unknown(service, operation);
        };
    }

    private List<Check> dynamoDb(String operation, SdkRequest request) {
        List<Check> checks = new ArrayList<>();
        switch (request) {
            case BatchGetItemRequest r -> r.requestItems().keySet()
                    .forEach(t -> checks.add(new Check("dynamodb:BatchGetItem", tableArn(t))));
            case BatchWriteItemRequest r -> r.requestItems().keySet()
                    .forEach(t -> checks.add(new Check("dynamodb:BatchWriteItem", tableArn(t))));
            case TransactWriteItemsRequest r -> r.transactItems().forEach(item -> checks.add(transactWrite(item)));
            case TransactGetItemsRequest r -> r.transactItems().forEach(item -> checks.add(transactGet(item)));
            default -> {
                String table = field(request, "TableName");
                if (table == null) {
                    throw unknown("DynamoDb", operation);
                }
                String index = field(request, "IndexName");
                checks.add(new Check("dynamodb:" + operation,
                        tableArn(table) + (index == null ? "" : "/index/" + index)));
            }
        }
        return checks;
    }

    private Check transactWrite(TransactWriteItem item) {
        if (item.put() != null) {
            return new Check("dynamodb:PutItem", tableArn(item.put().tableName()));
        }
        if (item.update() != null) {
            return new Check("dynamodb:UpdateItem", tableArn(item.update().tableName()));
        }
        if (item.delete() != null) {
            return new Check("dynamodb:DeleteItem", tableArn(item.delete().tableName()));
        }
        return new Check("dynamodb:ConditionCheckItem", tableArn(item.conditionCheck().tableName()));
    }

    private Check transactGet(TransactGetItem item) {
        return new Check("dynamodb:GetItem", tableArn(item.get().tableName()));
    }

    /** The object actions, as S3 authorises them: every step of a multipart upload but the abort is PutObject. */
    private static String s3Action(String operation) {
        return switch (operation) {
            case "PutObject", "CreateMultipartUpload", "UploadPart", "CompleteMultipartUpload" -> "s3:PutObject";
            case "AbortMultipartUpload", "GetObject", "DeleteObject" -> "s3:" + operation;
            default -> throw unknown("S3", operation);
        };
    }

    private static String sqsAction(String operation) {
        return operation.endsWith("Batch") ? operation.substring(0, operation.length() - "Batch".length()) : operation;
    }

    private String queueArn(SdkRequest request) {
        String url = field(request, "QueueUrl");
        String name = url != null ? url.substring(url.lastIndexOf('/') + 1) : field(request, "QueueName");
        return "arn:aws:sqs:" + region + ":" + Template.ACCOUNT_ID + ":" + name;
    }

    private List<Check> ses(String operation, SdkRequest request) {
        if (!(request instanceof SendEmailRequest send)) {
            throw unknown("SesV2", operation);
        }
        String prefix = "arn:aws:ses:" + region + ":" + Template.ACCOUNT_ID + ":";
        List<String> identities;
        if (send.fromEmailAddressIdentityArn() != null) {
            identities = List.of(send.fromEmailAddressIdentityArn());
        } else {
            String address = plainAddress(send.fromEmailAddress());
            identities = List.of(prefix + "identity/" + address,
                    prefix + "identity/" + address.substring(address.indexOf('@') + 1));
        }
        List<Check> checks = new ArrayList<>();
        checks.add(new Check("ses:SendEmail", identities));
        if (send.configurationSetName() != null) {
            checks.add(new Check("ses:SendEmail", prefix + "configuration-set/" + send.configurationSetName()));
        }
        return checks;
    }

    private List<Check> eventBridge(String operation, SdkRequest request) {
        if (!(request instanceof PutEventsRequest put)) {
            throw unknown("EventBridge", operation);
        }
        List<Check> checks = new ArrayList<>();
        for (PutEventsRequestEntry entry : put.entries()) {
            String bus = entry.eventBusName() == null ? "default" : entry.eventBusName();
            checks.add(new Check("events:PutEvents", bus.startsWith("arn:") ? bus
                    : "arn:aws:events:" + region + ":" + Template.ACCOUNT_ID + ":event-bus/" + bus));
        }
        return checks;
    }

    /** {@code Name <a@b>} to {@code a@b}: the address SES authorises, whatever the display name. */
    private static String plainAddress(String from) {
        int open = from.lastIndexOf('<');
        return open < 0 ? from.trim() : from.substring(open + 1, from.indexOf('>', open)).trim();
    }

    private String tableArn(String table) {
        return table.startsWith("arn:")
                ? table
                : "arn:aws:dynamodb:" + region + ":" + Template.ACCOUNT_ID + ":table/" + table;
    }

    private String secretArn(String secretId) {
        return secretId.startsWith("arn:") ? secretId
                : "arn:aws:secretsmanager:" + region + ":" + Template.ACCOUNT_ID + ":secret:" + secretId;
    }

    static String field(SdkRequest request, String name) {
        return request.getValueForField(name, Object.class).map(String::valueOf).orElse(null);
    }

    private static IllegalStateException unknown(String service, String operation) {
        return new IllegalStateException("the local cloud cannot tell which IAM resource " + service + " " + operation
                + " acts on; add it to " + IamRequests.class.getName());
    }
}
