package dev.storecrm.platform.stream;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** A handler behind the staff API or a function URL: {@link HttpEvents} reads the request and writes the answer. */
public interface HttpFunction extends RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>,
        RequestStreamHandler {

    @Override
    default void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        HttpEvents.write(handleRequest(HttpEvents.read(input), context), output);
    }
}
