package clinic.server.fault;

import clinic.server.FaultMode;
import clinic.server.service.ClinicBackend;
import clinic.server.service.LoginOutcome;
import java.time.Duration;
import java.util.Map;

/**
 * {@link FaultMode#SLOW_LOGIN}: every login first does a production login's hashing work on cores that
 * all logins share, so logins at once answer late together.
 */
final class SlowLogin extends ForwardingClinicBackend {

    private final SharedCores cores;
    private final Duration work;

    SlowLogin(ClinicBackend backend, SharedCores cores, Duration work) {
        super(backend);
        this.cores = cores;
        this.work = work;
    }

    @Override
    public LoginOutcome login(Map<String, Object> body) {
        cores.work(work);
        return super.login(body);
    }
}
