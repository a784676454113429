package clinic.server;

import java.util.Objects;

/**
 * The test fixture of the contract to load at start-up.
 *
 * @param clinics        create the clinics of {@code layout} (and their teachers)
 * @param resetClinics   delete the existing test clinics (and their reservations) first
 * @param layout         where the clinics are; the contract's eight Monday clinics by default
 * @param capacity       capacity of each clinic (1 to {@link #MAX_CAPACITY} when {@code clinics})
 * @param closedClinics  inactive clinics beside the layout's (they answer reservation_closed), 0 = none
 * @param students       number of test students {@code test_student_01..NN} to create (0 = none)
 * @param noShowStudents the last students of the roster given two no-shows (blocked this week), 0 = none
 * @param resetPasswords set existing test students' password back to {@code testpass123}
 */
public record FixtureSpec(
        boolean clinics,
        boolean resetClinics,
        ClinicLayout layout,
        int capacity,
        int closedClinics,
        int students,
        int noShowStudents,
        boolean resetPasswords) {

    public static final int DEFAULT_CAPACITY = 6;
    public static final int DEFAULT_STUDENTS = 20;
    /** A very large academy's week; numbering goes on as production's does ({@code test_student_100000}). */
    public static final int MAX_STUDENTS = 100_000;
    /**
     * Beyond any class room, on purpose: the throughput benchmark books thousands of seats in one hot
     * clinic without filling it.
     */
    public static final int MAX_CAPACITY = 10_000;
    /** The no-show count a fixture student blocked this week gets: the contract blocks from two. */
    public static final int BLOCKING_NO_SHOWS = 2;

    public FixtureSpec {
        Objects.requireNonNull(layout, "layout");
        if (clinics && (capacity < 1 || capacity > MAX_CAPACITY)) {
            throw new IllegalArgumentException(
                    "clinic capacity must be between 1 and " + MAX_CAPACITY + ", got " + capacity);
        }
        if (students < 0 || students > MAX_STUDENTS) {
            throw new IllegalArgumentException(
                    "student count must be between 0 and " + MAX_STUDENTS + ", got " + students);
        }
        if (closedClinics < 0 || closedClinics > (clinics ? ClinicLayout.MAX_ROOMS : 0)) {
            throw new IllegalArgumentException("closed clinics must be between 0 and "
                    + (clinics ? ClinicLayout.MAX_ROOMS : 0) + ", got " + closedClinics);
        }
        if (noShowStudents < 0 || noShowStudents > students) {
            throw new IllegalArgumentException(
                    "no-show students must be between 0 and the " + students + " students, got " + noShowStudents);
        }
    }

    /** The contract's eight Monday clinics, all open, and students without no-shows. */
    public FixtureSpec(boolean clinics, boolean resetClinics, int capacity, int students, boolean resetPasswords) {
        this(clinics, resetClinics, ClinicLayout.STANDARD, capacity, 0, students, 0, resetPasswords);
    }

    /** Eight fresh clinics of the default capacity and the 20 default students. */
    public static FixtureSpec standard() {
        return new FixtureSpec(true, true, DEFAULT_CAPACITY, DEFAULT_STUDENTS, false);
    }

    public FixtureSpec withLayout(ClinicLayout other) {
        return new FixtureSpec(
                clinics, resetClinics, other, capacity, closedClinics, students, noShowStudents, resetPasswords);
    }

    public FixtureSpec withClosedClinics(int count) {
        return new FixtureSpec(
                clinics, resetClinics, layout, capacity, count, students, noShowStudents, resetPasswords);
    }

    /** The same fixture with {@code count} students (a number such as "abc" or -3 is refused as any other). */
    public FixtureSpec withStudents(int count) {
        return new FixtureSpec(
                clinics, resetClinics, layout, capacity, closedClinics, count, noShowStudents, resetPasswords);
    }

    public FixtureSpec withNoShowStudents(int count) {
        return new FixtureSpec(clinics, resetClinics, layout, capacity, closedClinics, students, count, resetPasswords);
    }
}
