package clinic.server;

import java.util.Objects;

/**
 * The test fixture of the contract to load at start-up.
 *
 * @param clinics           what happens to the test clinics of {@code layout} (and their teachers)
 * @param layout            where the clinics are; the contract's eight Monday clinics by default
 * @param capacity          capacity of each clinic (1 to {@link #MAX_CAPACITY} unless {@link Clinics#NONE})
 * @param closedClinics     inactive clinics beside the layout's (they answer reservation_closed), 0 = none
 * @param students          number of test students {@code test_student_01..NN} to create (0 = none)
 * @param noShowStudents    the last students of the roster given two no-shows (blocked this week), 0 = none
 * @param existingPasswords what happens to the password of a test student who already exists
 */
public record FixtureSpec(
        Clinics clinics,
        ClinicLayout layout,
        int capacity,
        int closedClinics,
        int students,
        int noShowStudents,
        Passwords existingPasswords) {

    /** What loading the fixture does with the test clinics. */
    public enum Clinics {
        /** No clinic is made or changed. */
        NONE,
        /** The layout's clinics are made; one already at the same place is kept, reopened, with its seats. */
        KEEP_EXISTING,
        /** The test clinics on the layout's days are first deleted with their reservations, then made anew. */
        RESET
    }

    /** What loading the fixture does with the password of a test student who already exists. */
    public enum Passwords {
        KEEP,
        /** Set back to the fixture's password. */
        RESET
    }

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
        Objects.requireNonNull(clinics, "clinics");
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(existingPasswords, "existingPasswords");
        boolean madeClinics = clinics != Clinics.NONE;
        if (madeClinics && (capacity < 1 || capacity > MAX_CAPACITY)) {
            throw new IllegalArgumentException(
                    "clinic capacity must be between 1 and " + MAX_CAPACITY + ", got " + capacity);
        }
        if (students < 0 || students > MAX_STUDENTS) {
            throw new IllegalArgumentException(
                    "student count must be between 0 and " + MAX_STUDENTS + ", got " + students);
        }
        if (closedClinics < 0 || closedClinics > (madeClinics ? ClinicLayout.MAX_ROOMS : 0)) {
            throw new IllegalArgumentException("closed clinics must be between 0 and "
                    + (madeClinics ? ClinicLayout.MAX_ROOMS : 0) + ", got " + closedClinics);
        }
        if (noShowStudents < 0 || noShowStudents > students) {
            throw new IllegalArgumentException(
                    "no-show students must be between 0 and the " + students + " students, got " + noShowStudents);
        }
    }

    /**
     * The contract's eight Monday clinics of the default capacity, made fresh, and the 20 default students
     * without no-shows, existing ones keeping their password.
     */
    public static FixtureSpec standard() {
        return new FixtureSpec(
                Clinics.RESET, ClinicLayout.STANDARD, DEFAULT_CAPACITY, 0, DEFAULT_STUDENTS, 0, Passwords.KEEP);
    }

    public FixtureSpec withClinics(Clinics action) {
        return new FixtureSpec(action, layout, capacity, closedClinics, students, noShowStudents, existingPasswords);
    }

    public FixtureSpec withLayout(ClinicLayout other) {
        return new FixtureSpec(clinics, other, capacity, closedClinics, students, noShowStudents, existingPasswords);
    }

    public FixtureSpec withCapacity(int seats) {
        return new FixtureSpec(clinics, layout, seats, closedClinics, students, noShowStudents, existingPasswords);
    }

    public FixtureSpec withClosedClinics(int count) {
        return new FixtureSpec(clinics, layout, capacity, count, students, noShowStudents, existingPasswords);
    }

    /** The same fixture with {@code count} students (a number such as "abc" or -3 is refused as any other). */
    public FixtureSpec withStudents(int count) {
        return new FixtureSpec(clinics, layout, capacity, closedClinics, count, noShowStudents, existingPasswords);
    }

    public FixtureSpec withNoShowStudents(int count) {
        return new FixtureSpec(clinics, layout, capacity, closedClinics, students, count, existingPasswords);
    }

    public FixtureSpec withExistingPasswords(Passwords action) {
        return new FixtureSpec(clinics, layout, capacity, closedClinics, students, noShowStudents, action);
    }
}
