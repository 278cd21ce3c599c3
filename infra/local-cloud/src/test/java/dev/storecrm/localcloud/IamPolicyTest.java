package dev.storecrm.localcloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** IAM's evaluation of one identity policy, as the local cloud applies it to each function. */
class IamPolicyTest {

    private static final String TABLE = "arn:aws:dynamodb:us-east-1:000000000000:table/Orders";

    @TempDir
    Path dir;

    @Test
    void anAllowMatchingActionAndResourceAllowsAndNamesItsGrant() throws IOException {
        IamPolicy policy = policy("""
                - Statement:
                    - Effect: Allow
                      Action: [dynamodb:GetItem, dynamodb:PutItem]
                      Resource: !GetAtt Orders.Arn
                """);
        IamPolicy.Decision decision = policy.decide("dynamodb:PutItem", TABLE);
        assertTrue(decision.allowed());
        assertEquals("dynamodb:PutItem", decision.grant().action());
        assertEquals(TABLE, decision.grant().resource());
        assertEquals(IamPolicy.Effect.IMPLICIT_DENY, policy.decide("dynamodb:DeleteItem", TABLE).effect());
        assertEquals(IamPolicy.Effect.IMPLICIT_DENY, policy.decide("dynamodb:Query", TABLE + "/index/ByDay").effect(),
                "an index is a resource of its own");
        assertEquals(2, policy.grants().size());
    }

    @Test
    void anExplicitDenyWinsOverAnyAllowAndWildcardsMatchAsInIam() throws IOException {
        IamPolicy policy = policy("""
                - Statement:
                    - Effect: Allow
                      Action: dynamodb:*
                      Resource: !Sub '${Orders.Arn}*'
                    - Effect: Deny
                      Action: DynamoDB:DeleteIt?m
                      Resource: !GetAtt Orders.Arn
                """);
        assertTrue(policy.decide("dynamodb:Query", TABLE + "/index/ByDay").allowed());
        assertEquals(IamPolicy.Effect.EXPLICIT_DENY, policy.decide("dynamodb:DeleteItem", TABLE).effect(),
                "actions ignore case; the deny wins");
        assertEquals(IamPolicy.Effect.IMPLICIT_DENY,
                policy.decide("dynamodb:GetItem", "arn:aws:dynamodb:us-east-1:000000000000:table/orders").effect(),
                "resources do not ignore case");
    }

    @Test
    void whatTheLocalCloudCannotEvaluateIsRefusedByName() throws IOException {
        IllegalStateException samTemplate = assertThrows(IllegalStateException.class,
                () -> policy("- DynamoDBCrudPolicy:\n    TableName: !Ref Orders\n"));
        assertTrue(samTemplate.getMessage().contains("SAM policy template"), samTemplate.getMessage());
        assertThrows(IllegalStateException.class, () -> policy("- AmazonDynamoDBFullAccess\n"));
        IllegalStateException condition = assertThrows(IllegalStateException.class, () -> policy("""
                - Statement:
                    - Effect: Allow
                      Action: dynamodb:GetItem
                      Resource: !GetAtt Orders.Arn
                      Condition: {Bool: {aws:SecureTransport: 'true'}}
                """));
        assertTrue(condition.getMessage().contains("Condition"), condition.getMessage());
    }

    private IamPolicy policy(String policies) throws IOException {
        String yaml = """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Orders:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      TableName: Orders
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: x.Y::handleRequest
                      Policies:
                """ + policies.indent(8);
        Path file = dir.resolve("template.yaml");
        Files.writeString(file, yaml);
        return IamPolicy.of(Template.load(file, "us-east-1", Map.of()), "Fn");
    }
}
