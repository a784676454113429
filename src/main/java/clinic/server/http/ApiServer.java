package clinic.server.http;

import clinic.contract.Endpoint;
import clinic.contract.Field;
import clinic.server.service.ClinicBackend;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import io.javalin.util.JavalinBindException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side: the contract's {@link Endpoint}s under {@code /api}, JSON for every answer including 404, 405, 408, 413, 500 and
 * the requests Jetty itself refuses. Until {@link #ready()} every request answers 503 starting.
 */
public final class ApiServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    private static final Logger REQUEST_LOG = LoggerFactory.getLogger("clinic.server.http.requests");

    public static final long MAX_BODY_BYTES = 64 * 1024;
    /**
     * Connections the kernel queues until Jetty accepts them; production's gunicorn uses 2048. Java's
     * default of 50 drops connection attempts at the opening rush (each then waits a 1 s SYN retry).
     */
    public static final int ACCEPT_QUEUE_SIZE = 2048;
    /**
     * How long a request may be silent, e.g. a body that stops arriving before its announced length:
     * it is then answered 408, so a stalled client holds a thread for seconds, not Jetty's default 30 s.
     */
    public static final Duration REQUEST_IDLE_TIMEOUT = Duration.ofSeconds(5);
    /** Seconds a client should wait before asking again while the server is starting. */
    static final String RETRY_AFTER_SECONDS = "1";

    private final Javalin app;
    /** Kept from the start: Javalin forgets its port once stopped, and the base URL must not change. */
    private final int port;

    /** False while the server starts: every request then answers 503 starting. */
    private final AtomicBoolean ready;

    private ApiServer(Javalin app, AtomicBoolean ready) {
        this.app = app;
        this.port = app.port();
        this.ready = ready;
    }

    /**
     * Starts listening, answering 503 starting until {@link #ready()}; a taken port or unknown host fails
     * with an {@link IllegalStateException} whose message says so.
     */
    public static ApiServer start(String host, int port, ClinicBackend backend) {
        ObjectMapper mapper = new ObjectMapper();
        ClinicApi api = new ClinicApi(backend, new JsonBodies(mapper));
        AtomicBoolean ready = new AtomicBoolean();
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            // the watcher is a non-daemon thread that would outlive close() by seconds
            config.startup.startupWatcherEnabled = false;
            config.jsonMapper(new JavalinJackson(mapper, false));
            // paths end with "/" in the contract; without it they answer the same
            config.router.ignoreTrailingSlashes = true;
            config.http.prefer405over404 = true;
            config.http.maxRequestSize = MAX_BODY_BYTES;
            config.jetty.modifyHttpConfiguration(http -> http.setIdleTimeout(REQUEST_IDLE_TIMEOUT.toMillis()));
            config.jetty.addConnector((server, http) -> {
                ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
                connector.setHost(host);
                connector.setPort(port);
                connector.setAcceptQueueSize(ACCEPT_QUEUE_SIZE);
                return connector;
            });
            config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler(mapper)));
            // only when asked for: a request logger makes Javalin time and track every request
            if (REQUEST_LOG.isDebugEnabled()) {
                config.requestLogger.http((ctx, ms) -> REQUEST_LOG.debug(
                        "{} {} -> {} in {} ms", ctx.method(), ctx.path(), ctx.statusCode(), Math.round(ms)));
            }

            config.routes.before(ctx -> {
                if (!ready.get()) {
                    ctx.header("Retry-After", RETRY_AFTER_SECONDS);
                    throw new ApiException(503, ClinicApi.map(Field.STATUS, "starting"));
                }
            });
            for (Endpoint endpoint : Endpoint.values()) {
                config.routes.addHttpHandler(
                        HandlerType.findOrCreate(endpoint.method()), endpoint.pathOnHost(), api.handler(endpoint));
            }

            config.routes.exception(
                    ApiException.class, (e, ctx) -> ctx.status(e.status()).json(e.body()));
            config.routes.exception(
                    HttpResponseException.class,
                    (e, ctx) -> ctx.status(e.getStatus())
                            .json(errorBody(e.getStatus(), ctx.method().name())));
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
                ctx.status(500).json(errorBody(500, ctx.method().name()));
            });
        });
        try {
            app.start();
        } catch (JavalinBindException e) {
            app.stop();
            throw new IllegalStateException("cannot listen on " + host + ":" + port + ": port already in use", e);
        } catch (RuntimeException e) {
            app.stop();
            throw new IllegalStateException("cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        return new ApiServer(app, ready);
    }

    /**
     * The body of an error that no handler answered in its own words, in Django REST framework's style;
     * errors of the request itself get an error code like invalid_request.
     */
    static Map<String, Object> errorBody(int status, String method) {
        return switch (status) {
            case 400 -> JsonBodies.invalidRequestBody("HTTP 요청의 형식이 올바르지 않습니다.");
            case 404 -> ClinicApi.map(Field.DETAIL, "찾을 수 없습니다.");
            case 405 -> ClinicApi.map(Field.DETAIL, "메소드(Method) \"" + method + "\"는 허용되지 않습니다.");
            case 408 -> JsonBodies.requestTimeoutBody();
            case 413 ->
                ClinicApi.map(
                        Field.ERROR,
                        "payload_too_large",
                        Field.MESSAGE,
                        "요청 본문이 너무 큽니다 (최대 " + MAX_BODY_BYTES + " 바이트).");
            case 414, 431 -> JsonBodies.invalidRequestBody("요청 URI 또는 헤더가 너무 깁니다.");
            case 505 -> ClinicApi.map(Field.DETAIL, "지원하지 않는 HTTP 버전입니다 (HTTP/1.1 또는 HTTP/1.0).");
            default ->
                status >= 500
                        ? ClinicApi.map(Field.ERROR, "서버 내부 오류가 발생했습니다.")
                        : ClinicApi.map(Field.DETAIL, "요청을 처리할 수 없습니다.");
        };
    }

    /**
     * Jetty's own answers to what never reaches a route (a request line, header or URI it cannot parse):
     * the same JSON bodies as the routes' errors, instead of Jetty's HTML page that repeats the input.
     */
    private static final class JsonErrorHandler extends ErrorHandler {

        private static final String JSON = "application/json;charset=utf-8";

        private final ObjectMapper mapper;

        JsonErrorHandler(ObjectMapper mapper) {
            this.mapper = mapper;
        }

        @Override
        protected void generateResponse(
                Request request, Response response, int code, String message, Throwable cause, Callback callback) {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, JSON);
            response.write(true, json(code, request.getMethod()), callback);
        }

        @Override
        public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
            fields.put(HttpHeader.CONTENT_TYPE, JSON);
            return json(status, "");
        }

        private ByteBuffer json(int status, String method) {
            try {
                return ByteBuffer.wrap(mapper.writeValueAsBytes(errorBody(status, method)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write an error body", e);
            }
        }
    }

    public int port() {
        return port;
    }

    /** From now on requests reach their routes: the database is migrated and the fixture loaded. */
    public void ready() {
        ready.set(true);
    }

    @Override
    public void close() {
        app.stop();
    }
}
