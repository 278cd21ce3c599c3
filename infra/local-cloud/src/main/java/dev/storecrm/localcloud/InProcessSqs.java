package dev.storecrm.localcloud;

import com.typesafe.config.ConfigFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpHeader;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.apache.pekko.http.scaladsl.model.HttpEntity;
import org.apache.pekko.http.scaladsl.model.HttpRequest;
import org.apache.pekko.http.scaladsl.model.HttpResponse;
import org.apache.pekko.http.scaladsl.server.RequestContext;
import org.apache.pekko.http.scaladsl.server.Route$;
import org.apache.pekko.http.scaladsl.server.RouteResult;
import org.apache.pekko.stream.Materializer;
import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.ElasticMQConfig;
import org.elasticmq.rest.sqs.QueueURLModule;
import org.elasticmq.rest.sqs.TheSQSRestServerBuilder;
import org.elasticmq.rest.sqs.XmlNsVersion;
import org.elasticmq.rest.sqs.XmlNsVersion$;
import scala.Function1;
import scala.concurrent.Await;
import scala.concurrent.Future;
import scala.concurrent.duration.FiniteDuration;
import scala.reflect.ClassTag$;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpFullResponse;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * ElasticMQ's own SQS routes, called without a socket: the SDK's request (headers and body, exactly
 * as they would go over HTTP) becomes a Pekko HTTP request and goes through the route ElasticMQ's
 * HTTP server runs for each request (the same action dispatch, JSON and query protocols, error
 * bodies), with the same queue manager actor behind it. Only the socket and the HTTP parsing and
 * rendering on both sides are left out. {@link LoopbackHttpClient} routes requests for ElasticMQ's
 * endpoint here (see {@link EmulatorBackend}).
 *
 * <p>ElasticMQ assembles that route inside {@code SQSRestServerBuilder.start()} and does not
 * publish it, so this class builds it the way {@code start()} does, from two members that are
 * public in the bytecode but not part of ElasticMQ's API: the module that mixes in every SQS
 * action ({@value #ROUTES_MODULE}) and the function that turns it into the route
 * ({@value #ROUTES_FUNCTION}). An ElasticMQ upgrade that renames them fails here, at start-up,
 * with their names and the setting that goes back to HTTP, rather than answering wrongly.
 */
final class InProcessSqs {

    static final String ROUTES_MODULE = "org.elasticmq.rest.sqs.TheSQSRestServerBuilder$$anon$1";
    static final String ROUTES_FUNCTION = "TheSQSRestServerBuilder.$anonfun$start$4";
    /** As long as the loopback client waits for a response over HTTP. */
    private static final FiniteDuration TIMEOUT = FiniteDuration.apply(120, "s");
    /** Headers carried by the Pekko request's entity and URI rather than as headers. */
    private static final Set<String> ENTITY_HEADERS = Set.of("content-type", "content-length", "host");

    private final Materializer materializer;
    private final Function1<HttpRequest, Future<HttpResponse>> handler;

    /**
     * An actor system for ElasticMQ whose actors and futures run on the thread that gives them work,
     * instead of on a pool: an SQS call answered in process then runs from request to response on the
     * caller's thread, like a DynamoDB Local call, without the thread hand-offs that cost more than
     * the work on a 2-core machine (docs/benchmarks.md, "The main job"). Actors still process one
     * message at a time (their mailboxes guarantee that on any thread), and timers still fire on
     * Pekko's scheduler thread.
     */
    static ActorSystem actorsOnTheCallingThread(String name) {
        return ActorSystem.create(name, ConfigFactory.parseString(
                        "pekko.actor.default-dispatcher.executor = \"" + CallingThreadExecutor.class.getName() + "\"")
                .withFallback(ConfigFactory.load()));
    }

    /**
     * ElasticMQ's route as {@code server} runs it (its queue manager, limits, account, region and
     * queue creation settings, on {@code actors}), with queue URLs on 127.0.0.1 and {@code port}.
     */
    InProcessSqs(TheSQSRestServerBuilder server, ActorSystem actors, int port) {
        ActorRef queueManager = server.providedQueueManagerActor().getOrElse(() -> {
            throw new IllegalArgumentException(
                    "the server's queue manager must be created before it starts, to be shared");
        });
        materializer = Materializer.matFromSystem(actors);
        Object routesModule = routesModule(server, actors, materializer, queueManager,
                new NodeAddress("http", "127.0.0.1", port, ""));
        ElasticMQConfig config = new ElasticMQConfig();
        Method routesFunction = routesFunction();
        Function1<RequestContext, Future<RouteResult>> route = XmlNsVersion$.MODULE$.extractXmlNs().tapply(xmlNs -> {
            try {
                @SuppressWarnings("unchecked")
                Function1<RequestContext, Future<RouteResult>> routes = (Function1<RequestContext, Future<RouteResult>>)
                        routesFunction.invoke(null, routesModule, config, xmlNs._1());
                return routes;
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(ROUTES_FUNCTION + " cannot be called", e);
            } catch (InvocationTargetException e) {
                throw new IllegalStateException(ROUTES_FUNCTION + " failed", e.getCause());
            }
        });
        handler = Route$.MODULE$.toFunction(route, actors);
    }

    /** The response ElasticMQ's HTTP server would have sent for this request. */
    HttpExecuteResponse answer(SdkHttpRequest request, byte[] body) throws IOException {
        HttpResponse response = await(handler.apply(pekkoRequest(request, body)));
        HttpEntity.Strict entity = response.entity() instanceof HttpEntity.Strict strict
                ? strict
                : await(response.entity().toStrict(TIMEOUT, materializer));
        SdkHttpFullResponse.Builder sdkResponse = SdkHttpFullResponse.builder()
                .statusCode(response.status().intValue())
                .putHeader("Content-Type", entity.contentType().toString());
        response.getHeaders().forEach(header -> sdkResponse.appendHeader(header.name(), header.value()));
        byte[] bytes = (byte[]) entity.data().toArray(ClassTag$.MODULE$.Byte());
        return HttpExecuteResponse.builder()
                .response(sdkResponse.build())
                .responseBody(AbortableInputStream.create(new ByteArrayInputStream(bytes)))
                .build();
    }

    private static HttpRequest pekkoRequest(SdkHttpRequest request, byte[] body) {
        List<HttpHeader> headers = new ArrayList<>();
        request.forEachHeader((name, values) -> {
            if (!ENTITY_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                // as raw headers: ElasticMQ reads them by name, and parsing each into Pekko's model cost
                // a twentieth of a run's time (the server parses them, but nothing here depends on it)
                values.forEach(value -> headers.add(RawHeader.create(name, value)));
            }
        });
        String contentType = request.firstMatchingHeader("Content-Type").orElse("application/octet-stream");
        return (HttpRequest) org.apache.pekko.http.javadsl.model.HttpRequest.create(request.getUri().toString())
                .withMethod(org.apache.pekko.http.javadsl.model.HttpMethods.lookup(request.method().name())
                        .orElseThrow(() -> new IllegalArgumentException("no HTTP method " + request.method())))
                .withEntity(ContentTypes.parse(contentType), body)
                .addHeaders(headers);
    }

    private static <T> T await(Future<T> future) throws IOException {
        try {
            return Await.result(future, TIMEOUT);
        } catch (TimeoutException e) {
            throw new IOException("ElasticMQ did not answer within " + TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for ElasticMQ", e);
        }
    }

    private static Object routesModule(TheSQSRestServerBuilder server, ActorSystem system, Materializer materializer,
                                       ActorRef queueManager, NodeAddress address) {
        try {
            Constructor<?> constructor = Class.forName(ROUTES_MODULE).getConstructor(TheSQSRestServerBuilder.class,
                    AtomicReference.class, ActorSystem.class, Materializer.class, ActorRef.class,
                    org.elasticmq.Limits.class, org.elasticmq.rest.sqs.AutoCreateQueuesConfig.class);
            return constructor.newInstance(server, new AtomicReference<>(address), system, materializer, queueManager,
                    server.sqsLimits(), server.autoCreateQueuesConfig());
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw notThisElasticMq(ROUTES_MODULE, e);
        }
    }

    private static Method routesFunction() {
        try {
            return TheSQSRestServerBuilder.class.getMethod("$anonfun$start$4",
                    QueueURLModule.class, ElasticMQConfig.class, XmlNsVersion.class);
        } catch (NoSuchMethodException e) {
            throw notThisElasticMq(ROUTES_FUNCTION, e);
        }
    }

    private static IllegalStateException notThisElasticMq(String member, Exception cause) {
        return new IllegalStateException("this ElasticMQ has no " + member + " to build its SQS routes from"
                + " (written for ElasticMQ 1.7.1); run with -D" + EmulatorBackend.SQS_TRANSPORT
                + "=http to reach it over HTTP", cause);
    }
}
