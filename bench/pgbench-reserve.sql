-- pgbench: the reservation transaction the reference server commits, on its own schema. A sequence
-- gives every transaction a (student, clinic) pair not booked before, numbered as reserve-pairs.lua
-- numbers them (students and clinics in id order, from the tables run-benchmark.sh makes). The
-- reserved_count trigger updates the clinic's counter inside the INSERT, as it does for the server.
SELECT c.id AS clinic, s.id AS student
  FROM (SELECT nextval('bench_pairs') - 1 AS k) AS pair
  JOIN bench_clinics c ON c.n = pair.k % :clinics
  JOIN bench_students s ON s.n = (pair.k / :clinics) % :students \gset
BEGIN;
SELECT id, capacity, reserved_count, is_active FROM clinics WHERE id = :clinic FOR UPDATE;
INSERT INTO reservations (clinic_id, student_id) VALUES (:clinic, :student);
COMMIT;
