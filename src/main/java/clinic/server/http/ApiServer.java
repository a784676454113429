package clinic.server.http;

import clinic.server.service.ClinicService;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import io.javalin.util.JavalinBindException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HTTP side: routes under {@code /api}, JSON for every answer including 404, 405, 413 and 500. */
public final class ApiServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    private static final Logger REQUEST_LOG = LoggerFactory.getLogger("clinic.server.http.requests");

    public static final long MAX_BODY_BYTES = 64 * 1024;
    public static final String API_PREFIX = "/api";

    private final Javalin app;
    /** Kept from the start: Javalin forgets its port once stopped, and the base URL must not change. */
    private final int port;

    private ApiServer(Javalin app) {
        this.app = app;
        this.port = app.port();
    }

    /**
     * Starts listening; a taken port or unknown host fails with an {@link IllegalStateException} whose
     * message says so.
     */
    public static ApiServer start(String host, int port, ClinicService service) {
        ObjectMapper mapper = new ObjectMapper();
        ClinicApi api = new ClinicApi(service, new JsonBodies(mapper));
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
            config.requestLogger.http((ctx, ms) -> REQUEST_LOG.debug(
                    "{} {} -> {} in {} ms", ctx.method(), ctx.path(), ctx.statusCode(), Math.round(ms)));

            config.routes.get(API_PREFIX + "/health/", api::health);
            config.routes.post(API_PREFIX + "/auth/register/", api::register);
            config.routes.post(API_PREFIX + "/auth/login/", api::login);
            config.routes.get(API_PREFIX + "/clinics/weekly-schedule/", api::weeklySchedule);
            config.routes.post(API_PREFIX + "/clinics/reserve/", api::reserve);
            config.routes.post(API_PREFIX + "/clinics/cancel-reservation/", api::cancelReservation);

            config.routes.exception(
                    ApiException.class, (e, ctx) -> ctx.status(e.status()).json(e.body()));
            config.routes.exception(
                    HttpResponseException.class,
                    (e, ctx) -> ctx.status(e.getStatus())
                            .json(httpError(e.getStatus(), ctx.method().name())));
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
                ctx.status(500).json(ClinicApi.map("error", "서버 내부 오류가 발생했습니다."));
            });
        });
        try {
            app.start(host, port);
        } catch (JavalinBindException e) {
            app.stop();
            throw new IllegalStateException("cannot listen on " + host + ":" + port + ": port already in use", e);
        } catch (RuntimeException e) {
            app.stop();
            throw new IllegalStateException("cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        return new ApiServer(app);
    }

    /** Django REST framework's style for routing errors; a too large body gets an error code like invalid_request. */
    private static Map<String, Object> httpError(int status, String method) {
        return switch (status) {
            case 404 -> ClinicApi.map("detail", "찾을 수 없습니다.");
            case 405 -> ClinicApi.map("detail", "메소드(Method) \"" + method + "\"는 허용되지 않습니다.");
            case 413 ->
                ClinicApi.map(
                        "error", "payload_too_large", "message", "요청 본문이 너무 큽니다 (최대 " + MAX_BODY_BYTES + " 바이트).");
            default -> ClinicApi.map("detail", "요청을 처리할 수 없습니다.");
        };
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        app.stop();
    }
}
