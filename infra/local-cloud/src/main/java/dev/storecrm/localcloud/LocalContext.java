package dev.storecrm.localcloud;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.LambdaRuntime;
import java.util.UUID;

/** The Lambda context a locally invoked handler sees. */
final class LocalContext implements Context {

    private final FunctionSpec function;
    private final String arn;
    private final String requestId = UUID.randomUUID().toString();

    LocalContext(FunctionSpec function, String arn) {
        this.function = function;
        this.arn = arn;
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + function.logicalId();
    }

    @Override
    public String getLogStreamName() {
        return "local";
    }

    @Override
    public String getFunctionName() {
        return function.logicalId();
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return arn;
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return function.timeoutSeconds() * 1000;
    }

    @Override
    public int getMemoryLimitInMB() {
        return 1024;
    }

    /** The runtime's own logger: in Lambda the function's log stream, elsewhere standard output. */
    @Override
    public LambdaLogger getLogger() {
        return LambdaRuntime.getLogger();
    }
}
