package clinic.server.repository;

/**
 * The part of a clinic row the reservation checks read (under the row lock, except in the overbook fault),
 * with whether the student asking already holds a seat there: one query answers every check.
 */
public record ClinicSeats(long id, int capacity, int reservedCount, boolean active, boolean heldByStudent) {

    public ClinicSeats withActive(boolean open) {
        return new ClinicSeats(id, capacity, reservedCount, open, heldByStudent);
    }

    public ClinicSeats withHeldByStudent(boolean held) {
        return new ClinicSeats(id, capacity, reservedCount, active, held);
    }
}
