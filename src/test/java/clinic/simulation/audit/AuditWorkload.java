package clinic.simulation.audit;

import clinic.simulation.answers.RejectionReason;
import clinic.simulation.answers.ReservationAnswer;
import clinic.simulation.answers.ScheduleSnapshot;
import clinic.simulation.answers.ScheduleSnapshot.Clinic;
import clinic.simulation.answers.ScheduleSnapshot.RosterStudent;
import clinic.simulation.audit.RunLedger.ReservationAttempt;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A run as a correct backend would leave it, made up without a server: {@code students} students try 1 to 5
 * of {@code clinics} clinics (over the seven days, capacity {@code capacity}) in a random order, and
 * every try is answered first come, first served, with the bodies the reference server sends. What the
 * audit and its benchmark work on at any size.
 *
 * @param before the empty schedule before the load
 * @param after the final schedule, every accepted reservation in it
 */
record AuditWorkload(ScheduleSnapshot before, ScheduleSnapshot after, List<ReservationAttempt> attempts) {

    private static final String[] DAYS = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
    private static final String RESERVED_BODY = "{\"success\":true,\"message\":\"클리닉 예약이 완료되었습니다.\","
            + "\"clinic_info\":{\"id\":%d,\"day\":\"월요일\",\"time\":\"18:00\",\"room\":\"1강의실\",\"subject\":"
            + "\"물리학1\",\"teacher\":\"테스트강사01\"},\"remaining_spots\":%d}";
    private static final String OCCUPIED_BODY =
            "{\"error\":\"occupied\",\"message\":\"해당 시간대는 이미 마감되었습니다.\"," + "\"current_count\":%d,\"capacity\":%d}";

    static AuditWorkload of(int students, int clinics, int capacity, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<List<RosterStudent>> rosters = new ArrayList<>();
        for (int clinic = 0; clinic < clinics; clinic++) {
            rosters.add(new ArrayList<>());
        }
        List<RosterStudent> everyone = new ArrayList<>();
        for (int student = 1; student <= students; student++) {
            everyone.add(new RosterStudent(student, "테스트학생" + student, String.format("test_student_%02d", student)));
        }
        List<ReservationAttempt> attempts = new ArrayList<>();
        Instant at = Instant.parse("2026-12-01T01:00:00Z");
        for (int round = 0; round < 5; round++) {
            for (RosterStudent student : everyone) {
                if (round > 0 && random.nextInt(5) < round) {
                    continue;
                }
                int clinic = random.nextInt(clinics);
                List<RosterStudent> roster = rosters.get(clinic);
                long clinicId = clinic + 1L;
                boolean already = roster.contains(student);
                boolean seat = !already && roster.size() < capacity;
                if (seat) {
                    roster.add(student);
                }
                RejectionReason reason = already
                        ? RejectionReason.ALREADY_RESERVED
                        : seat ? RejectionReason.RESERVED : RejectionReason.OCCUPIED;
                String body = switch (reason) {
                    case RESERVED -> String.format(RESERVED_BODY, clinicId, capacity - roster.size());
                    case OCCUPIED -> String.format(OCCUPIED_BODY, capacity, capacity);
                    default -> "{\"error\":\"이미 해당 클리닉에 예약되어 있습니다.\"}";
                };
                at = at.plusMillis(1);
                attempts.add(new ReservationAttempt(
                        student.username(),
                        student.id(),
                        clinicId,
                        new ReservationAnswer(reason, ""),
                        reason == RejectionReason.RESERVED ? 200 : reason == RejectionReason.OCCUPIED ? 409 : 400,
                        5 + random.nextInt(200),
                        body,
                        at));
            }
        }
        return new AuditWorkload(schedule(rosters, capacity, false), schedule(rosters, capacity, true), attempts);
    }

    private static ScheduleSnapshot schedule(List<List<RosterStudent>> rosters, int capacity, boolean withRosters) {
        List<Clinic> clinics = new ArrayList<>();
        for (int clinic = 0; clinic < rosters.size(); clinic++) {
            List<RosterStudent> roster = withRosters ? List.copyOf(rosters.get(clinic)) : List.of();
            clinics.add(new Clinic(
                    clinic + 1L,
                    DAYS[clinic % DAYS.length],
                    String.format("%02d:00", 9 + clinic / DAYS.length % 12),
                    (clinic / (DAYS.length * 12) + 1) + "강의실",
                    "physics1",
                    "테스트강사",
                    capacity,
                    roster.size(),
                    roster));
        }
        return new ScheduleSnapshot(clinics, true);
    }
}
