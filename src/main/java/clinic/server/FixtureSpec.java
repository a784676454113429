package clinic.server;

import java.util.Objects;

/**
 * The test fixture of the contract to load at start-up.
 *
 * @param clinics        create the clinics of {@code layout} (and their teachers)
 * @param resetClinics   delete the existing test clinics (and their reservations) first
 * @param layout         where the clinics are; the contract's eight Monday clinics by default
 * @param capacity       capacity of each clinic (1 to {@link #MAX_CAPACITY} when {@code clinics})
 * @param students       number of test students {@code test_student_01..NN} to create (0 = none)
 * @param resetPasswords set existing test students' password back to {@code testpass123}
 */
public record FixtureSpec(
        boolean clinics,
        boolean resetClinics,
        ClinicLayout layout,
        int capacity,
        int students,
        boolean resetPasswords) {

    public static final int DEFAULT_CAPACITY = 6;
    public static final int DEFAULT_STUDENTS = 20;
    /** A very large academy's week; numbering goes on as production's does ({@code test_student_100000}). */
    public static final int MAX_STUDENTS = 100_000;
    /** A clinic is a class room: a thousand seats is already beyond any. */
    public static final int MAX_CAPACITY = 1_000;

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
    }

    /** The contract's eight Monday clinics. */
    public FixtureSpec(boolean clinics, boolean resetClinics, int capacity, int students, boolean resetPasswords) {
        this(clinics, resetClinics, ClinicLayout.STANDARD, capacity, students, resetPasswords);
    }

    /** Eight fresh clinics of the default capacity and the 20 default students. */
    public static FixtureSpec standard() {
        return new FixtureSpec(true, true, DEFAULT_CAPACITY, DEFAULT_STUDENTS, false);
    }
}
