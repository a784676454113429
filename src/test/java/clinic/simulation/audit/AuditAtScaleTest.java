package clinic.simulation.audit;

import static org.assertj.core.api.Assertions.assertThat;

import clinic.simulation.answers.ScheduleSnapshot;
import clinic.simulation.answers.ScheduleSnapshot.Clinic;
import clinic.simulation.answers.ScheduleSnapshot.RosterStudent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The audit over a week of clinics and thousands of students, at a size that runs in a second (the
 * 10,000-student figure is {@link AuditBenchmark}'s): exact on a correct run, and each planted fault found
 * and named among all the honest seats.
 */
class AuditAtScaleTest {

    private static final AuditWorkload WEEK = AuditWorkload.of(3_000, 150, 20, 7);

    private static FinalStateAudit audit() {
        return new FinalStateAudit(WEEK.before(), List.of(), BusinessRules.none());
    }

    @Test
    void everySeatOfACorrectWeekIsAccountedFor() {
        Verdict verdict = audit().audit(WEEK.after(), WEEK.attempts());

        assertThat(WEEK.attempts()).hasSizeGreaterThan(6_000);
        assertThat(WEEK.after().clinics().stream()
                        .mapToInt(clinic -> clinic.students().size())
                        .sum())
                .isGreaterThan(2_000);
        assertThat(verdict.violations()).isEmpty();
    }

    @Test
    void aLostSeatAnExtraSeatAndAnOverbookedClinicAreFoundAmongThousands() {
        List<Clinic> clinics = new ArrayList<>(WEEK.after().clinics());
        Clinic lost = clinics.get(40);
        RosterStudent dropped = lost.students().get(0);
        clinics.set(
                40, withRoster(lost, lost.students().subList(1, lost.students().size())));
        Clinic full = clinics.stream()
                .filter(clinic -> clinic.students().size() == clinic.capacity())
                .findFirst()
                .orElseThrow();
        RosterStudent stranger = new RosterStudent(99_999, "외부인", "someone_else");
        List<RosterStudent> overbooked = new ArrayList<>(full.students());
        overbooked.add(stranger);
        clinics.set(clinics.indexOf(full), withRoster(full, overbooked));

        Verdict verdict = audit().audit(new ScheduleSnapshot(clinics, true), WEEK.attempts());

        assertThat(verdict.violations())
                .extracting(Finding::kind)
                .containsExactlyInAnyOrder(
                        Finding.Kind.OVER_CAPACITY, Finding.Kind.PHANTOM_RESERVATION, Finding.Kind.ACCEPTED_MISSING);
        assertThat(verdict.violations())
                .filteredOn(finding -> finding.kind() == Finding.Kind.ACCEPTED_MISSING)
                .singleElement()
                .satisfies(finding -> assertThat(finding.message()).contains(dropped.username(), lost.label()));
        assertThat(verdict.violations())
                .filteredOn(finding -> finding.kind() == Finding.Kind.PHANTOM_RESERVATION)
                .singleElement()
                .satisfies(finding -> assertThat(finding.message()).contains("someone_else", full.label()));
    }

    private static Clinic withRoster(Clinic clinic, List<RosterStudent> roster) {
        return new Clinic(
                clinic.id(),
                clinic.day(),
                clinic.time(),
                clinic.room(),
                clinic.subject(),
                clinic.teacherName(),
                clinic.capacity(),
                roster.size(),
                roster);
    }
}
