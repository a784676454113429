-- Every reservation row counts in its clinic's reserved_count, so the clinics CHECK
-- (reserved_count BETWEEN 0 AND capacity) refuses a row beyond capacity from any code path.
CREATE FUNCTION count_reserved_seats() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        UPDATE clinics SET reserved_count = reserved_count + 1 WHERE id = NEW.clinic_id;
    ELSE
        UPDATE clinics SET reserved_count = reserved_count - 1 WHERE id = OLD.clinic_id;
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER reservations_count_seats AFTER INSERT OR DELETE ON reservations
    FOR EACH ROW EXECUTE FUNCTION count_reserved_seats();
