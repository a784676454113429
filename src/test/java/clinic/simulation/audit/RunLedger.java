package clinic.simulation.audit;

import clinic.simulation.answers.RegistrationAnswer;
import clinic.simulation.answers.RejectionReason;
import clinic.simulation.answers.ReservationAnswer;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the students did and what the backend answered, written concurrently by the virtual users
 * and read after the load by the audit, the summary and clinic_test.log.
 */
public final class RunLedger {

    private static final Logger LOG = LoggerFactory.getLogger(RunLedger.class);

    /** @param status null when there was no HTTP answer */
    public record Registration(
            String username, RegistrationAnswer answer, Integer status, long latencyMs, String body, Instant at) {}

    /** @param studentId null when the login failed */
    public record Login(
            String username, Long studentId, String failure, Integer status, long latencyMs, String body, Instant at) {
        public boolean ok() {
            return failure == null;
        }
    }

    /**
     * @param failure null when the schedule was read; then the student has a reservation plan
     * @param body only when it failed: a schedule answer grows with the rosters, and thousands of them add up
     */
    public record ScheduleRead(
            String username, String failure, Integer status, long latencyMs, String body, Instant at) {
        public boolean ok() {
            return failure == null;
        }
    }

    /** Why a reservation request was sent. */
    public enum AttemptKind {
        /** A student asking for a seat for itself. */
        OWN,
        /** The second request of a double click, sent at the same instant as the first. */
        SECOND_CLICK,
        /** A student asking for a seat for another student ({@code caller} asked for {@code username}). */
        FOR_ANOTHER_STUDENT
    }

    /**
     * @param username the student the seat was asked for ({@code studentId} is theirs)
     * @param status null when there was no HTTP answer
     * @param caller the student who sent the request: {@code username}, but for {@link AttemptKind#FOR_ANOTHER_STUDENT}
     */
    public record ReservationAttempt(
            String username,
            long studentId,
            long clinicId,
            ReservationAnswer answer,
            Integer status,
            long latencyMs,
            String body,
            Instant at,
            AttemptKind kind,
            String caller) {

        /** A student's own attempt. */
        public ReservationAttempt(
                String username,
                long studentId,
                long clinicId,
                ReservationAnswer answer,
                Integer status,
                long latencyMs,
                String body,
                Instant at) {
            this(username, studentId, clinicId, answer, status, latencyMs, body, at, AttemptKind.OWN, username);
        }

        public RejectionReason reason() {
            return answer.reason();
        }

        /** When the request left: {@code at} is when its answer was recorded. */
        public Instant sentAt() {
            return at.minusMillis(latencyMs);
        }
    }

    private final ConcurrentLinkedQueue<Registration> registrations = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Login> logins = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<ScheduleRead> scheduleReads = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<ReservationAttempt> attempts = new ConcurrentLinkedQueue<>();
    private final AtomicReference<Instant> loadStarted = new AtomicReference<>();
    private final AtomicReference<Instant> loadEnded = new AtomicReference<>();

    /** The first student to start marks the start of the load; later calls do nothing. */
    public void markLoadStarted(Instant at) {
        loadStarted.compareAndSet(null, at);
    }

    /** The audit marks the end of the load; later calls do nothing. */
    public void markLoadEnded(Instant at) {
        loadEnded.compareAndSet(null, at);
    }

    public Instant loadStarted() {
        return loadStarted.get();
    }

    public Instant loadEnded() {
        return loadEnded.get();
    }

    public void add(Registration registration) {
        registrations.add(registration);
        LOG.debug(
                "register {} -> {} HTTP {} in {} ms: {}",
                registration.username(),
                registration.answer().kind(),
                registration.status(),
                registration.latencyMs(),
                registration.body());
    }

    public void add(Login login) {
        logins.add(login);
        LOG.debug(
                "login {} -> {} HTTP {} in {} ms",
                login.username(),
                login.ok() ? "OK" : login.failure(),
                login.status(),
                login.latencyMs());
    }

    public void add(ScheduleRead read) {
        scheduleReads.add(read);
        LOG.debug(
                "schedule {} -> {} HTTP {} in {} ms",
                read.username(),
                read.ok() ? "OK" : read.failure(),
                read.status(),
                read.latencyMs());
    }

    public void add(ReservationAttempt attempt) {
        attempts.add(attempt);
        LOG.debug(
                "reserve {} clinic {} -> {} HTTP {} in {} ms: {}",
                attempt.username(),
                attempt.clinicId(),
                attempt.reason(),
                attempt.status(),
                attempt.latencyMs(),
                attempt.body());
    }

    public List<ScheduleRead> scheduleReads() {
        return scheduleReads.stream()
                .sorted(Comparator.comparing(ScheduleRead::at))
                .toList();
    }

    public List<Registration> registrations() {
        return registrations.stream()
                .sorted(Comparator.comparing(Registration::at))
                .toList();
    }

    public List<Login> logins() {
        return logins.stream().sorted(Comparator.comparing(Login::at)).toList();
    }

    public List<ReservationAttempt> attempts() {
        return attempts.stream()
                .sorted(Comparator.comparing(ReservationAttempt::at))
                .toList();
    }
}
