package clinic.server.http;

import clinic.contract.ClinicDay;
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
import io.javalin.http.HttpResponseException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The endpoint handlers: parse the request, call the service, turn the outcome into a status and a JSON body. */
final class ClinicApi {

    private static final Logger LOG = LoggerFactory.getLogger(ClinicApi.class);

    static final String NO_CREDENTIALS = "자격 인증데이터(authentication credentials)가 제공되지 않았습니다.";
    static final String INVALID_TOKEN = "토큰이 유효하지 않습니다.";
    private static final String LOGIN_REDIRECT = "/clinic/reserve";
    /** The {@code <detail>} of a reservation's 500 when the failure is ours: never a stack trace or SQL. */
    private static final String INTERNAL_ERROR_DETAIL = "서버 내부 오류";

    private final ClinicBackend service;
    private final JsonBodies bodies;

    ClinicApi(ClinicBackend service, JsonBodies bodies) {
        this.service = service;
        this.bodies = bodies;
    }

    void health(Context ctx) {
        ClinicBackend.Health health = service.health();
        ctx.json(map(
                "status",
                "healthy",
                "timestamp",
                OffsetDateTime.now().toString(),
                "database",
                health.database(),
                "user_count",
                health.userCount()));
    }

    void register(Context ctx) {
        RegistrationOutcome outcome = service.register(bodies.fields(bodies.object(ctx)));
        if (outcome instanceof RegistrationOutcome.Registered registered) {
            ctx.status(201).json(map("message", "사용자가 성공적으로 등록되었습니다.", "id", registered.userId()));
        } else if (outcome instanceof RegistrationOutcome.FieldErrors rejected) {
            ctx.status(400).json(rejected.errors());
        }
    }

    void login(Context ctx) {
        LoginOutcome outcome = service.login(bodies.fields(bodies.object(ctx)));
        if (outcome instanceof LoginOutcome.LoggedIn loggedIn) {
            ctx.json(map(
                    "token",
                    loggedIn.token(),
                    "user",
                    userJson(loggedIn.user()),
                    "redirect",
                    LOGIN_REDIRECT,
                    "needs_password_change",
                    false));
        } else if (outcome instanceof LoginOutcome.BadCredentials) {
            ctx.status(401).json(map("error", "로그인 정보가 올바르지 않습니다."));
        } else if (outcome instanceof LoginOutcome.Inactive) {
            ctx.status(401).json(map("error", "계정이 비활성화되어 있습니다."));
        } else if (outcome instanceof LoginOutcome.FieldErrors rejected) {
            ctx.status(400).json(rejected.errors());
        }
    }

    void weeklySchedule(Context ctx) {
        authenticated(ctx);
        WeeklySchedule schedule = service.weeklySchedule();
        Map<String, Object> grid = new LinkedHashMap<>();
        schedule.grid().forEach((day, row) -> {
            Map<String, Object> cells = new LinkedHashMap<>();
            row.forEach((time, slot) -> cells.put(time, slot == null ? emptyCell() : cell(slot)));
            grid.put(day, cells);
        });
        Map<String, Object> body = map(
                "schedule",
                grid,
                "days",
                schedule.days(),
                "times",
                schedule.times(),
                "total_clinics",
                schedule.totalClinics());
        if (schedule.clinics() != null) {
            body.put(
                    "clinics",
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
        RateLimiter.Decision decision = service.admitReservationRequest(caller);
        if (!decision.allowed()) {
            throw new ApiException(
                    429,
                    map(
                            "error",
                            "rate_limited",
                            "message",
                            "요청 한도를 초과했습니다. 잠시 후 다시 시도해주세요. (남은 요청: " + decision.remaining() + "회)",
                            "remaining_requests",
                            decision.remaining(),
                            "window_seconds",
                            service.rateLimitWindowSeconds()));
        }
        ObjectNode body = bodies.object(ctx);
        if (JsonBodies.isMissing(body, "user_id") || JsonBodies.isMissing(body, "clinic_id")) {
            throw new ApiException(400, map("error", "user_id와 clinic_id가 필요합니다."));
        }
        long userId = JsonBodies.positiveId(body, "user_id");
        long clinicId = JsonBodies.positiveId(body, "clinic_id");
        answer(ctx, service.reserve(caller, userId, clinicId));
    }

    private static void answer(Context ctx, ReservationOutcome outcome) {
        if (outcome instanceof ReservationOutcome.Reserved reserved) {
            ClinicDetails clinic = reserved.clinic();
            ctx.json(map(
                    "success",
                    true,
                    "message",
                    "클리닉 예약이 완료되었습니다.",
                    "clinic_info",
                    map(
                            "id",
                            clinic.id(),
                            "day",
                            ClinicDay.find(clinic.day())
                                    .map(ClinicDay::koreanName)
                                    .orElse(clinic.day()),
                            "time",
                            clinic.time().format(ClinicService.TIME_FORMAT),
                            "room",
                            clinic.room(),
                            "subject",
                            clinic.subjectCode(),
                            "teacher",
                            clinic.teacherName()),
                    "remaining_spots",
                    reserved.remainingSpots()));
        } else if (outcome instanceof ReservationOutcome.Occupied occupied) {
            ctx.status(409)
                    .json(map(
                            "error",
                            "occupied",
                            "message",
                            "해당 시간대는 이미 마감되었습니다.",
                            "current_count",
                            occupied.currentCount(),
                            "capacity",
                            occupied.capacity()));
        } else if (outcome instanceof ReservationOutcome.AlreadyReserved) {
            ctx.status(400).json(map("error", "이미 해당 클리닉에 예약되어 있습니다."));
        } else if (outcome instanceof ReservationOutcome.Forbidden) {
            ctx.status(403).json(map("error", "forbidden", "message", "본인 계정으로만 예약할 수 있습니다."));
        } else if (outcome instanceof ReservationOutcome.UnknownUser) {
            ctx.status(404).json(map("error", "유효하지 않은 사용자입니다."));
        } else if (outcome instanceof ReservationOutcome.UnknownClinic) {
            ctx.status(404).json(map("error", "유효하지 않은 클리닉입니다."));
        } else if (outcome instanceof ReservationOutcome.Closed) {
            ctx.status(400)
                    .json(map(
                            "error",
                            "reservation_closed",
                            "message",
                            "보충 예약 가능 기간이 아닙니다.",
                            "clinic_status",
                            "inactive"));
        } else if (outcome instanceof ReservationOutcome.NoShowBlocked blocked) {
            ctx.status(403)
                    .json(map(
                            "error",
                            "no_show_blocked",
                            "message",
                            blocked.userName() + " 학생은 " + blocked.noShowCount() + "회 무단결석하여 금주 보충 예약이 불가능합니다.",
                            "no_show_count",
                            blocked.noShowCount(),
                            "user_name",
                            blocked.userName()));
        } else if (outcome instanceof ReservationOutcome.Failed failed) {
            ctx.status(500).json(map("error", "클리닉 예약 중 오류가 발생했습니다: " + failed.detail()));
        }
    }

    void cancelReservation(Context ctx) {
        authenticated(ctx);
        ctx.status(403).json(map("error", "cancellation_disabled", "message", "예약 취소는 관리자에게 문의하세요!"));
    }

    private UserAccount authenticated(Context ctx) {
        Authentication authentication = service.authenticate(ctx.header("Authorization"));
        if (authentication instanceof Authentication.Authenticated ok) {
            return ok.user();
        }
        ctx.header("WWW-Authenticate", "Token");
        String detail = authentication instanceof Authentication.Missing ? NO_CREDENTIALS : INVALID_TOKEN;
        throw new ApiException(401, map("detail", detail));
    }

    private static Map<String, Object> userJson(UserAccount user) {
        return map(
                "id",
                user.id(),
                "username",
                user.username(),
                "name",
                user.name(),
                "phone_num",
                user.phoneNum(),
                "student_phone_num",
                user.studentPhoneNum(),
                "student_parent_phone_num",
                user.studentParentPhoneNum(),
                "school",
                user.school(),
                "grade",
                user.grade(),
                "email",
                user.email(),
                "subject",
                user.subjectCode(),
                "subject_name",
                user.subjectName(),
                "is_student",
                user.isStudent(),
                "is_teacher",
                user.isTeacher(),
                "is_staff",
                user.isStaff(),
                "is_superuser",
                user.isSuperuser(),
                "is_active",
                user.isActive(),
                "no_show",
                user.noShow(),
                "non_pass",
                user.nonPass(),
                "essential_clinic",
                user.essentialClinic());
    }

    /** A schedule cell; counts come from the reservation rows, the truth. */
    private static Map<String, Object> cell(ClinicSlot slot) {
        ClinicDetails clinic = slot.clinic();
        int current = slot.students().size();
        return map(
                "clinic_id",
                clinic.id(),
                "teacher_name",
                clinic.teacherName(),
                "subject",
                clinic.subjectCode(),
                "room",
                clinic.room(),
                "capacity",
                clinic.capacity(),
                "current_count",
                current,
                "remaining_spots",
                clinic.capacity() - current,
                "is_full",
                current >= clinic.capacity(),
                "students",
                slot.students().stream().map(ClinicApi::student).toList());
    }

    private static Map<String, Object> emptyCell() {
        return map(
                "clinic_id",
                null,
                "teacher_name",
                null,
                "subject",
                null,
                "room",
                null,
                "capacity",
                0,
                "current_count",
                0,
                "remaining_spots",
                0,
                "is_full",
                false,
                "students",
                List.of());
    }

    private static Map<String, Object> listedClinic(ClinicSlot slot) {
        Map<String, Object> listed = cell(slot);
        listed.put("day", slot.clinic().day());
        listed.put("time", slot.clinic().time().format(ClinicService.TIME_FORMAT));
        return listed;
    }

    private static Map<String, Object> student(RosterEntry entry) {
        return map("id", entry.studentId(), "name", entry.name(), "username", entry.username());
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
