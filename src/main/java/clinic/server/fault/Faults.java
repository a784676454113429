package clinic.server.fault;

import clinic.server.FaultMode;
import clinic.server.ServerStartException;
import clinic.server.repository.ClinicRepository;
import clinic.server.repository.Database;
import clinic.server.service.ClinicBackend;
import clinic.server.service.ReservationChecks;
import clinic.server.service.SeatBooking;
import clinic.server.service.SeatReservation;
import java.time.Duration;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.Jdbi;

/**
 * The fault modes switched on for one server. Each method takes a correct part of the backend and returns
 * it wrapped by the faults that break that part (the part itself when none does); the counters of the
 * counting faults belong to this server.
 */
public final class Faults {

    private final Set<FaultMode> switchedOn;
    private final Duration slowDelay;
    private final EveryNth serverErrorRequests = new EveryNth(FaultMode.EVERY_NTH);
    private final EveryNth lostWriteSuccesses = new EveryNth(FaultMode.EVERY_NTH);
    private final EveryNth phantomSuccesses = new EveryNth(FaultMode.EVERY_NTH);
    private final DoubleClicks doubleClicks = new DoubleClicks(FaultMode.DOUBLE_CLICK_TWIN_WAIT);

    /** @param slowDelay the delay of {@link FaultMode#SLOW} */
    public Faults(Set<FaultMode> switchedOn, Duration slowDelay) {
        this.switchedOn = Set.copyOf(switchedOn);
        this.slowDelay = slowDelay;
    }

    /**
     * Double-click books a student twice only without the one-reservation-per-student constraint, so it
     * drops it, which only a database thrown away with the server may suffer.
     */
    public void prepare(Database database, Jdbi jdbi, ClinicRepository repository) {
        if (!switchedOn.contains(FaultMode.DOUBLE_CLICK)) {
            return;
        }
        if (!database.isInMemoryH2()) {
            throw new ServerStartException("fault double-click drops a unique constraint and is refused on "
                    + Database.masked(database.url()) + ": use it only with the in-memory H2 database");
        }
        jdbi.useHandle(repository::dropOneReservationPerStudentConstraint);
    }

    /** The checks on a clinic row, before and under the lock. */
    public ReservationChecks checks(ReservationChecks correct) {
        ReservationChecks checks = correct;
        if (switchedOn.contains(FaultMode.CLOSED_IGNORED)) {
            // every clinic shown open
            checks = new BlindedChecks(checks, seats -> seats.withActive(true), UnaryOperator.identity());
        }
        if (switchedOn.contains(FaultMode.NO_SHOW_IGNORED)) {
            // every student shown without no-shows
            checks = new BlindedChecks(checks, UnaryOperator.identity(), student -> student.withNoShow(0));
        }
        return checks;
    }

    /**
     * The checks made again under the row lock, from those of {@link #checks}. Double-click does not show
     * them the student's seat, so the second of two clicks that both passed the check before the lock books
     * again.
     */
    public ReservationChecks recheck(ReservationChecks checks) {
        return switchedOn.contains(FaultMode.DOUBLE_CLICK)
                ? new BlindedChecks(checks, seats -> seats.withHeldByStudent(false), UnaryOperator.identity())
                : checks;
    }

    /** The booking; overbook replaces the correct one with a write of the count read without the lock. */
    public SeatBooking booking(SeatBooking correct, ClinicRepository repository) {
        SeatBooking booking = correct;
        if (switchedOn.contains(FaultMode.OVERBOOK)) {
            booking = new RaceWindow(FaultMode.OVERBOOK_RACE_WINDOW, new BlindCountWrite(repository));
        }
        if (switchedOn.contains(FaultMode.DOUBLE_CLICK)) {
            booking = doubleClicks.waitingForChecks(booking);
        }
        if (switchedOn.contains(FaultMode.LOST_WRITE)) {
            booking = new LostWrite(booking, lostWriteSuccesses);
        }
        if (switchedOn.contains(FaultMode.PHANTOM)) {
            booking = new Phantom(booking, phantomSuccesses);
        }
        return booking;
    }

    /** The seat of a request that passed the forbidden and user checks. */
    public SeatReservation seatReservation(SeatReservation correct) {
        SeatReservation seats = correct;
        if (switchedOn.contains(FaultMode.DOUBLE_CLICK)) {
            seats = doubleClicks.meeting(seats);
        }
        if (switchedOn.contains(FaultMode.SERVER_ERRORS)) {
            seats = new ServerErrors(seats, serverErrorRequests);
        }
        return seats;
    }

    /** The whole backend: what a request meets before any business rule, and the schedule. */
    public ClinicBackend backend(ClinicBackend correct) {
        ClinicBackend backend = correct;
        if (switchedOn.contains(FaultMode.FOREIGN_BOOKING)) {
            backend = new ForeignBooking(backend);
        }
        if (switchedOn.contains(FaultMode.HIDDEN_CLINICS)) {
            backend = new HiddenClinics(backend);
        }
        if (switchedOn.contains(FaultMode.SLOW_LOGIN)) {
            backend = new SlowLogin(backend, new SharedCores(FaultMode.LOGIN_CORES), FaultMode.LOGIN_WORK);
        }
        if (switchedOn.contains(FaultMode.BOTTLENECK)) {
            backend = new Bottleneck(backend, FaultMode.BOTTLENECK_SEATS, FaultMode.BOTTLENECK_SERVICE);
        }
        if (switchedOn.contains(FaultMode.SLOW)) {
            backend = new SlowReservations(backend, slowDelay);
        }
        return backend;
    }

    /** Starts counting from the first request again, e.g. when the fixture is reloaded between two runs. */
    public void restartCounters() {
        serverErrorRequests.restart();
        lostWriteSuccesses.restart();
        phantomSuccesses.restart();
    }
}
