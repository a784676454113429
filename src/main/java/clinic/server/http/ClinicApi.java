package clinic.server.http;

import clinic.contract.AccountMessage;
import clinic.contract.ClinicDay;
import clinic.contract.Endpoint;
import clinic.contract.Field;
import clinic.contract.ReservationError;
import clinic.server.repository.ClinicDetails;
import clinic.server.repository.RosterEntry;
import clinic.server.repository.UserAccount;
import clinic.server.service.Authentication;
import clinic.server.service.ClinicBackend;
import clinic.server.service.ClinicService;
import clinic.server.service.LoginOutcome;
import clinic.server.service.RateLimiter;
import clinic.server.service.RegistrationOutcome;
import clinic.server.service.ReservationOutcome;
import clinic.server.service.WeeklySchedule;
import clinic.server.service.WeeklySchedule.ClinicSlot;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The endpoint handlers: parse the request, call the backend, turn the outcome into a status and a JSON body. */
final class ClinicApi {

    private static final Logger LOG = LoggerFactory.getLogger(ClinicApi.class);

    private static final String LOGIN_REDIRECT = "/clinic/reserve";
    /** The {@code <detail>} of a reservation's 500 when the failure is ours: never a stack trace or SQL. */
    private static final String INTERNAL_ERROR_DETAIL = "서버 내부 오류";
    /** The authorization scheme named in a 401's {@code WWW-Authenticate}, as Django REST framework does. */
    private static final String CHALLENGE = Endpoint.TOKEN_SCHEME.strip();

    private final ClinicBackend backend;
    private final JsonBodies bodies;

    ClinicApi(ClinicBackend backend, JsonBodies bodies) {
        this.backend = backend;
        this.bodies = bodies;
    }

    /** The handler of each endpoint of the contract. */
    Handler handler(Endpoint endpoint) {
        return switch (endpoint) {
            case HEALTH -> this::health;
            case REGISTER -> this::register;
            case LOGIN -> this::login;
            case WEEKLY_SCHEDULE -> this::weeklySchedule;
            case RESERVE -> this::reserve;
            case CANCEL_RESERVATION -> this::cancelReservation;
        };
    }

    void health(Context ctx) {
        ClinicBackend.Health health = backend.health();
        ctx.json(map(
                Field.STATUS,
                Field.HEALTHY,
                Field.TIMESTAMP,
                OffsetDateTime.now().toString(),
                Field.DATABASE,
                health.database(),
                Field.USER_COUNT,
                health.userCount()));
    }

    void register(Context ctx) {
        RegistrationOutcome outcome = backend.register(bodies.fields(bodies.object(ctx)));
        if (outcome instanceof RegistrationOutcome.Registered registered) {
            ctx.status(201).json(map(Field.MESSAGE, AccountMessage.REGISTERED, Field.ID, registered.userId()));
        } else if (outcome instanceof RegistrationOutcome.FieldErrors rejected) {
            ctx.status(400).json(rejected.errors());
        }
    }

    void login(Context ctx) {
        LoginOutcome outcome = backend.login(bodies.fields(bodies.object(ctx)));
        if (outcome instanceof LoginOutcome.LoggedIn loggedIn) {
            ctx.json(map(
                    Field.TOKEN,
                    loggedIn.token(),
                    Field.USER,
                    userJson(loggedIn.user()),
                    Field.REDIRECT,
                    LOGIN_REDIRECT,
                    Field.NEEDS_PASSWORD_CHANGE,
                    false));
        } else if (outcome instanceof LoginOutcome.BadCredentials) {
            ctx.status(401).json(map(Field.ERROR, AccountMessage.BAD_CREDENTIALS));
        } else if (outcome instanceof LoginOutcome.Inactive) {
            ctx.status(401).json(map(Field.ERROR, AccountMessage.INACTIVE_ACCOUNT));
        } else if (outcome instanceof LoginOutcome.FieldErrors rejected) {
            ctx.status(400).json(rejected.errors());
        }
    }

    void weeklySchedule(Context ctx) {
        authenticated(ctx);
        WeeklySchedule schedule = backend.weeklySchedule();
        Map<String, Object> grid = new LinkedHashMap<>();
        schedule.grid().forEach((day, row) -> {
            Map<String, Object> cells = new LinkedHashMap<>();
            row.forEach((time, slot) -> cells.put(time, slot == null ? emptyCell() : cell(slot)));
            grid.put(day, cells);
        });
        Map<String, Object> body = map(
                Field.SCHEDULE,
                grid,
                Field.DAYS,
                schedule.days(),
                Field.TIMES,
                schedule.times(),
                Field.TOTAL_CLINICS,
                schedule.totalClinics());
        if (schedule.clinics() != null) {
            body.put(
                    Field.CLINICS,
                    schedule.clinics().stream().map(ClinicApi::listedClinic).toList());
        }
        ctx.json(body);
    }

    /**
     * The contract's last row: any failure of a reservation request that is not one of its answers
     * (authentication and rate limit included) is a 500 with the reservation's own error text.
     */
    void reserve(Context ctx) {
        try {
            answerReservation(ctx);
        } catch (ApiException | HttpResponseException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.error("reservation request failed", e);
            answer(ctx, new ReservationOutcome.Failed(INTERNAL_ERROR_DETAIL));
        }
    }

    private void answerReservation(Context ctx) {
        UserAccount caller = authenticated(ctx);
        RateLimiter.Decision decision = backend.admitReservationRequest(caller);
        if (!decision.allowed()) {
            throw new ApiException(
                    ReservationError.RATE_LIMITED.status(),
                    refusal(
                            ReservationError.RATE_LIMITED,
                            Field.MESSAGE,
                            ReservationError.rateLimitedMessage(decision.remaining()),
                            Field.REMAINING_REQUESTS,
                            decision.remaining(),
                            Field.WINDOW_SECONDS,
                            backend.rateLimitWindowSeconds()));
        }
        ObjectNode body = bodies.object(ctx);
        if (JsonBodies.isMissing(body, Field.USER_ID) || JsonBodies.isMissing(body, Field.CLINIC_ID)) {
            throw new ApiException(ReservationError.MISSING_IDS.status(), refusal(ReservationError.MISSING_IDS));
        }
        long userId = JsonBodies.positiveId(body, Field.USER_ID);
        long clinicId = JsonBodies.positiveId(body, Field.CLINIC_ID);
        answer(ctx, backend.reserve(caller, userId, clinicId));
    }

    private static void answer(Context ctx, ReservationOutcome outcome) {
        if (outcome instanceof ReservationOutcome.Reserved reserved) {
            ClinicDetails clinic = reserved.clinic();
            ctx.json(map(
                    Field.SUCCESS,
                    true,
                    Field.MESSAGE,
                    ReservationError.RESERVED_MESSAGE,
                    Field.CLINIC_INFO,
                    map(
                            Field.ID,
                            clinic.id(),
                            Field.DAY,
                            ClinicDay.find(clinic.day())
                                    .map(ClinicDay::koreanName)
                                    .orElse(clinic.day()),
                            Field.TIME,
                            clinic.time().format(ClinicService.TIME_FORMAT),
                            Field.ROOM,
                            clinic.room(),
                            Field.SUBJECT,
                            clinic.subjectCode(),
                            Field.TEACHER,
                            clinic.teacherName()),
                    Field.REMAINING_SPOTS,
                    reserved.remainingSpots()));
        } else if (outcome instanceof ReservationOutcome.Occupied occupied) {
            refuse(
                    ctx,
                    ReservationError.OCCUPIED,
                    Field.CURRENT_COUNT,
                    occupied.currentCount(),
                    Field.CAPACITY,
                    occupied.capacity());
        } else if (outcome instanceof ReservationOutcome.AlreadyReserved) {
            refuse(ctx, ReservationError.ALREADY_RESERVED);
        } else if (outcome instanceof ReservationOutcome.Forbidden) {
            refuse(ctx, ReservationError.FORBIDDEN);
        } else if (outcome instanceof ReservationOutcome.UnknownUser) {
            refuse(ctx, ReservationError.UNKNOWN_USER);
        } else if (outcome instanceof ReservationOutcome.UnknownClinic) {
            refuse(ctx, ReservationError.UNKNOWN_CLINIC);
        } else if (outcome instanceof ReservationOutcome.Closed) {
            refuse(ctx, ReservationError.RESERVATION_CLOSED, Field.CLINIC_STATUS, Field.INACTIVE);
        } else if (outcome instanceof ReservationOutcome.NoShowBlocked blocked) {
            refuse(
                    ctx,
                    ReservationError.NO_SHOW_BLOCKED,
                    Field.MESSAGE,
                    ReservationError.noShowBlockedMessage(blocked.userName(), blocked.noShowCount()),
                    Field.NO_SHOW_COUNT,
                    blocked.noShowCount(),
                    Field.USER_NAME,
                    blocked.userName());
        } else if (outcome instanceof ReservationOutcome.Failed failed) {
            ctx.status(500).json(map(Field.ERROR, ReservationError.SERVER_ERROR_PREFIX + failed.detail()));
        }
    }

    private static void refuse(Context ctx, ReservationError refusal, Object... moreKeysAndValues) {
        ctx.status(refusal.status()).json(refusal(refusal, moreKeysAndValues));
    }

    /**
     * The body of a refusal: its {@code error}, the contract's fixed {@code message} when it has one, then
     * the other keys and values (a varying {@code message} among them).
     */
    private static Map<String, Object> refusal(ReservationError refusal, Object... moreKeysAndValues) {
        Map<String, Object> body = map(Field.ERROR, refusal.error());
        if (refusal.message() != null) {
            body.put(Field.MESSAGE, refusal.message());
        }
        body.putAll(map(moreKeysAndValues));
        return body;
    }

    void cancelReservation(Context ctx) {
        authenticated(ctx);
        ctx.status(403).json(map(Field.ERROR, "cancellation_disabled", Field.MESSAGE, "예약 취소는 관리자에게 문의하세요!"));
    }

    private UserAccount authenticated(Context ctx) {
        Authentication authentication = backend.authenticate(ctx.header("Authorization"));
        if (authentication instanceof Authentication.Authenticated ok) {
            return ok.user();
        }
        ctx.header("WWW-Authenticate", CHALLENGE);
        String detail = authentication instanceof Authentication.Missing
                ? AccountMessage.NO_CREDENTIALS
                : AccountMessage.INVALID_TOKEN;
        throw new ApiException(401, map(Field.DETAIL, detail));
    }

    private static Map<String, Object> userJson(UserAccount user) {
        return map(
                Field.ID,
                user.id(),
                Field.USERNAME,
                user.username(),
                Field.NAME,
                user.name(),
                Field.PHONE_NUM,
                user.phoneNum(),
                Field.STUDENT_PHONE_NUM,
                user.studentPhoneNum(),
                Field.STUDENT_PARENT_PHONE_NUM,
                user.studentParentPhoneNum(),
                Field.SCHOOL,
                user.school(),
                Field.GRADE,
                user.grade(),
                Field.EMAIL,
                user.email(),
                Field.SUBJECT,
                user.subjectCode(),
                Field.SUBJECT_NAME,
                user.subjectName(),
                Field.IS_STUDENT,
                user.isStudent(),
                Field.IS_TEACHER,
                user.isTeacher(),
                Field.IS_STAFF,
                user.isStaff(),
                Field.IS_SUPERUSER,
                user.isSuperuser(),
                Field.IS_ACTIVE,
                user.isActive(),
                Field.NO_SHOW,
                user.noShow(),
                Field.NON_PASS,
                user.nonPass(),
                Field.ESSENTIAL_CLINIC,
                user.essentialClinic());
    }

    /** A schedule cell; counts come from the reservation rows, the truth. */
    private static Map<String, Object> cell(ClinicSlot slot) {
        ClinicDetails clinic = slot.clinic();
        int current = slot.students().size();
        return map(
                Field.CLINIC_ID,
                clinic.id(),
                Field.TEACHER_NAME,
                clinic.teacherName(),
                Field.SUBJECT,
                clinic.subjectCode(),
                Field.ROOM,
                clinic.room(),
                Field.CAPACITY,
                clinic.capacity(),
                Field.CURRENT_COUNT,
                current,
                Field.REMAINING_SPOTS,
                clinic.capacity() - current,
                Field.IS_FULL,
                current >= clinic.capacity(),
                Field.STUDENTS,
                slot.students().stream().map(ClinicApi::student).toList());
    }

    private static Map<String, Object> emptyCell() {
        return map(
                Field.CLINIC_ID,
                null,
                Field.TEACHER_NAME,
                null,
                Field.SUBJECT,
                null,
                Field.ROOM,
                null,
                Field.CAPACITY,
                0,
                Field.CURRENT_COUNT,
                0,
                Field.REMAINING_SPOTS,
                0,
                Field.IS_FULL,
                false,
                Field.STUDENTS,
                List.of());
    }

    private static Map<String, Object> listedClinic(ClinicSlot slot) {
        Map<String, Object> listed = cell(slot);
        listed.put(Field.DAY, slot.clinic().day());
        listed.put(Field.TIME, slot.clinic().time().format(ClinicService.TIME_FORMAT));
        return listed;
    }

    private static Map<String, Object> student(RosterEntry entry) {
        return map(Field.ID, entry.studentId(), Field.NAME, entry.name(), Field.USERNAME, entry.username());
    }

    /** An ordered JSON object from alternating keys and values; values may be null. */
    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
