package clinic.server.repository;

/** The part of a clinic row the reservation checks read (under the row lock, except in the overbook fault). */
public record ClinicSeats(long id, int capacity, int reservedCount, boolean active) {}
