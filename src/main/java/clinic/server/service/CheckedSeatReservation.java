package clinic.server.service;

import clinic.server.repository.ClinicRepository;
import clinic.server.repository.ClinicRepository.SeatsAndDetails;
import clinic.server.repository.UserAccount;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * First the checks on the committed state without any lock: seats only ever fill up (cancellation is
 * disabled), so a refusal read there is the right answer, and a full hot clinic answers its crowd without
 * queueing on the row lock. Only a booking ({@link SeatBooking}) takes the lock, in one transaction that
 * commits before the 200 is sent.
 *
 * <p>Round trips count at the opening rush: each read answers every check at once (seats, open, held by the
 * student), the unlocked one also brings the clinic's details for the answer, and both run on one
 * connection, so a booking costs the unlocked read, the lock, the insert and the commit.
 */
public final class CheckedSeatReservation implements SeatReservation {

    private static final Logger LOG = LoggerFactory.getLogger(CheckedSeatReservation.class);

    private final Jdbi jdbi;
    private final ClinicRepository repository;
    private final ReservationChecks checks;
    private final SeatBooking booking;

    public CheckedSeatReservation(
            Jdbi jdbi, ClinicRepository repository, ReservationChecks checks, SeatBooking booking) {
        this.jdbi = jdbi;
        this.repository = repository;
        this.checks = checks;
        this.booking = booking;
    }

    @Override
    public ReservationOutcome reserve(UserAccount student, long clinicId) {
        try (Handle h = jdbi.open()) {
            Optional<SeatsAndDetails> read = repository.readClinicSeats(h, clinicId, student.id());
            Optional<ReservationOutcome> refusal = checks.refusal(read.map(SeatsAndDetails::seats), student);
            if (refusal.isPresent()) {
                return refusal.get();
            }
            return h.inTransaction(transaction -> booking.book(transaction, read.get(), student));
        } catch (JdbiException e) {
            return constraintAnswer(e, clinicId, student.id()).orElseThrow(() -> e);
        }
    }

    /** The business answer for a constraint that still fired: unique → already reserved, check → occupied. */
    private Optional<ReservationOutcome> constraintAnswer(JdbiException e, long clinicId, long studentId) {
        String state = SqlStates.of(e);
        if (SqlStates.UNIQUE_VIOLATION.equals(state)) {
            LOG.warn("unique constraint stopped a double reservation in clinic {}", clinicId);
            return Optional.of(new ReservationOutcome.AlreadyReserved());
        }
        if (SqlStates.CHECK_VIOLATIONS.contains(state)) {
            LOG.warn("check constraint stopped an overbooking of clinic {}", clinicId);
            return jdbi.withHandle(h -> repository.readClinicSeats(h, clinicId, studentId))
                    .map(SeatsAndDetails::seats)
                    .map(seats -> new ReservationOutcome.Occupied(seats.reservedCount(), seats.capacity()));
        }
        return Optional.empty();
    }
}
