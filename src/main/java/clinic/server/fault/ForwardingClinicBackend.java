package clinic.server.fault;

import clinic.server.repository.UserAccount;
import clinic.server.service.Authentication;
import clinic.server.service.ClinicBackend;
import clinic.server.service.LoginOutcome;
import clinic.server.service.RateLimiter;
import clinic.server.service.RegistrationOutcome;
import clinic.server.service.ReservationOutcome;
import clinic.server.service.WeeklySchedule;
import java.util.Map;

/** A backend that hands every operation to another: a fault overrides the one it breaks. */
abstract class ForwardingClinicBackend implements ClinicBackend {

    private final ClinicBackend backend;

    ForwardingClinicBackend(ClinicBackend backend) {
        this.backend = backend;
    }

    @Override
    public Health health() {
        return backend.health();
    }

    @Override
    public RegistrationOutcome register(Map<String, Object> body) {
        return backend.register(body);
    }

    @Override
    public LoginOutcome login(Map<String, Object> body) {
        return backend.login(body);
    }

    @Override
    public Authentication authenticate(String authorizationHeader) {
        return backend.authenticate(authorizationHeader);
    }

    @Override
    public RateLimiter.Decision admitReservationRequest(UserAccount caller) {
        return backend.admitReservationRequest(caller);
    }

    @Override
    public long rateLimitWindowSeconds() {
        return backend.rateLimitWindowSeconds();
    }

    @Override
    public WeeklySchedule weeklySchedule() {
        return backend.weeklySchedule();
    }

    @Override
    public ReservationOutcome reserve(UserAccount caller, long userId, long clinicId) {
        return backend.reserve(caller, userId, clinicId);
    }
}
