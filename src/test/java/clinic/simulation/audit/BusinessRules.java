package clinic.simulation.audit;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * What the setup arranged for the contract's business rules, which the audit judges the answers by.
 *
 * @param blockedStudents usernames with no_show 2, who must be refused (no_show_blocked)
 * @param closedClinicIds inactive clinics, which must be refused (reservation_closed)
 * @param strictSecurity whether a backend that lets a student book for another fails the run (else a warning)
 */
public record BusinessRules(Set<String> blockedStudents, Set<Long> closedClinicIds, boolean strictSecurity) {

    public BusinessRules {
        blockedStudents = Set.copyOf(blockedStudents);
        closedClinicIds = Set.copyOf(closedClinicIds);
    }

    /** No blocked student, no closed clinic, foreign bookings a warning. */
    public static BusinessRules none() {
        return new BusinessRules(Set.of(), Set.of(), false);
    }

    /** The last {@code blocked} of the run's usernames are the blocked ones, as the fixture makes them. */
    public static BusinessRules of(
            List<String> usernames, int blocked, Collection<Long> closedClinicIds, boolean strictSecurity) {
        return new BusinessRules(
                Set.copyOf(usernames.subList(usernames.size() - blocked, usernames.size())),
                Set.copyOf(closedClinicIds),
                strictSecurity);
    }
}
