package clinic.server.fault;

import clinic.server.FaultMode;
import clinic.server.repository.ClinicRepository.SeatsAndDetails;
import clinic.server.repository.UserAccount;
import clinic.server.service.SeatBooking;
import clinic.server.service.SeatReservation;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;

/**
 * {@link FaultMode#DOUBLE_CLICK}'s timing: the two clicks of a double click (two requests of one student for
 * one clinic) meet, so that each has made its unlocked checks before either books, however late the second
 * one is served on a loaded machine. A fixed wait between the checks and the booking missed a twin served
 * more than the wait later.
 *
 * <p>A click waits up to {@code twinWait} for its twin before its checks, holding no database connection;
 * a click that met its twin waits again, at the booking, until the twin has made its checks. A lone click
 * waits the whole {@code twinWait} once, then reserves as usual.
 */
final class DoubleClicks {

    private final Duration twinWait;
    private final Map<Click, Pair> waitingForTwin = new HashMap<>();
    /** The click the request on this thread belongs to, from its checks to its booking (same thread). */
    private final ThreadLocal<Side> current = new ThreadLocal<>();

    DoubleClicks(Duration twinWait) {
        this.twinWait = twinWait;
    }

    /** The seat, reached only once the click has met its twin or waited for it in vain. */
    SeatReservation meeting(SeatReservation seats) {
        return (UserAccount student, long clinicId) -> {
            Side side = meet(new Click(student.id(), clinicId));
            if (side == null) {
                return seats.reserve(student, clinicId);
            }
            current.set(side);
            try {
                return seats.reserve(student, clinicId);
            } finally {
                current.remove();
                // refused by the checks, or answered: the twin no longer waits for this click
                side.checked().countDown();
            }
        };
    }

    /** The booking of a click that met its twin, once the twin has made its checks too. */
    SeatBooking waitingForChecks(SeatBooking booking) {
        return (Handle transaction, SeatsAndDetails unlockedRead, UserAccount student) -> {
            Side side = current.get();
            if (side != null) {
                side.checked().countDown();
                await(side.twinChecked());
            }
            return booking.book(transaction, unlockedRead, student);
        };
    }

    /** This click's side of the pair it forms with its twin, or null when no twin came in time. */
    private Side meet(Click click) {
        Pair pair;
        synchronized (waitingForTwin) {
            Pair first = waitingForTwin.remove(click);
            if (first != null) {
                first.twinArrived.countDown();
                return first.second;
            }
            pair = new Pair();
            waitingForTwin.put(click, pair);
        }
        await(pair.twinArrived);
        synchronized (waitingForTwin) {
            // still waiting means no twin took the pair; a twin that came after the wait ended still counts
            return waitingForTwin.remove(click, pair) ? null : pair.first;
        }
    }

    private void await(CountDownLatch latch) {
        try {
            latch.await(twinWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Click(long studentId, long clinicId) {}

    /** One click of a pair: its own latch opens once it has made its checks (or has finished), as does its twin's. */
    private record Side(CountDownLatch checked, CountDownLatch twinChecked) {}

    private static final class Pair {
        private final CountDownLatch twinArrived = new CountDownLatch(1);
        private final CountDownLatch firstChecked = new CountDownLatch(1);
        private final CountDownLatch secondChecked = new CountDownLatch(1);
        private final Side first = new Side(firstChecked, secondChecked);
        private final Side second = new Side(secondChecked, firstChecked);
    }
}
