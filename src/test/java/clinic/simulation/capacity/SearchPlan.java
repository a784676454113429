package clinic.simulation.capacity;

import clinic.simulation.capacity.SearchResult.Outcome;
import java.util.OptionalInt;

/**
 * Which number of students to try next: stairs from the start, each {@code growth} times the last, until a
 * step breaks the service level or the bound is reached; then bisection between the last step that held
 * and the first that broke, until the gap is within the resolution. Pure: the search records each step's
 * verdict and asks again.
 */
final class SearchPlan {

    private final SearchOptions bounds;
    /** The most students that held; 0 before any did. */
    private int held;
    /** The fewest students that broke; 0 before any did. */
    private int broke;

    private boolean started;

    SearchPlan(SearchOptions bounds) {
        this.bounds = bounds;
    }

    /** The next number of students to try; empty when the search is over. */
    OptionalInt next() {
        if (!started) {
            return OptionalInt.of(bounds.startStudents());
        }
        if (broke == 0) {
            if (held >= bounds.maxStudents()) {
                return OptionalInt.empty();
            }
            int up = (int) Math.ceil(held * bounds.growth());
            return OptionalInt.of(Math.min(bounds.maxStudents(), Math.max(held + 1, up)));
        }
        if (narrowEnough()) {
            return OptionalInt.empty();
        }
        return OptionalInt.of((held + broke) / 2);
    }

    void record(int students, boolean heldTheLevel) {
        started = true;
        if (heldTheLevel) {
            held = Math.max(held, students);
        } else {
            broke = broke == 0 ? students : Math.min(broke, students);
        }
    }

    /** The outcome once {@link #next()} is empty (or {@link Outcome#TIME_BOUND} when stopped before). */
    Outcome outcome(boolean outOfTime) {
        if (outOfTime && next().isPresent()) {
            return Outcome.TIME_BOUND;
        }
        if (broke == 0) {
            return Outcome.BOUND_REACHED;
        }
        return held == 0 ? Outcome.NONE_HELD : Outcome.FOUND;
    }

    /** The most students that held; 0 when none did. */
    int held() {
        return held;
    }

    /** The fewest students that broke; 0 when none did. */
    int broke() {
        return broke;
    }

    /** Nothing left to tell apart: one student, or the resolution's share of the last good step. */
    private boolean narrowEnough() {
        return broke - held <= Math.max(1, bounds.resolution() * held);
    }
}
