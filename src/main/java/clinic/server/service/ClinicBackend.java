package clinic.server.service;

import clinic.server.repository.UserAccount;
import java.util.Map;

/**
 * The clinic API's operations behind the HTTP layer. {@link ClinicService} is the correct backend; the
 * reference server's fault modes ({@code clinic.server.fault}) wrap it.
 */
public interface ClinicBackend {

    record Health(String database, int userCount) {}

    Health health();

    /** Creates a student account; roles never come from the request. */
    RegistrationOutcome register(Map<String, Object> body);

    LoginOutcome login(Map<String, Object> body);

    /** Reads {@code Authorization: Token <key>}; any other scheme, {@code Bearer} included, is an invalid token. */
    Authentication authenticate(String authorizationHeader);

    /** Counts one reservation request of the user against the rate limit. */
    RateLimiter.Decision admitReservationRequest(UserAccount caller);

    long rateLimitWindowSeconds();

    WeeklySchedule weeklySchedule();

    /**
     * Reserves a seat for {@code userId} in {@code clinicId} on behalf of the authenticated caller, with the
     * contract's checks in its order. The body has already been checked for missing and malformed ids.
     */
    ReservationOutcome reserve(UserAccount caller, long userId, long clinicId);
}
