-- Every reservation row counts in its clinic's reserved_count, so the clinics CHECK
-- (reserved_count BETWEEN 0 AND capacity) refuses a row beyond capacity from any code path.
CREATE TRIGGER reservations_count_seats AFTER INSERT, DELETE ON reservations
    FOR EACH ROW CALL 'clinic.server.repository.ReservedSeatCounter';
