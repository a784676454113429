package clinic.simulation.capacity;

import clinic.simulation.audit.AcceptedFindings;
import clinic.simulation.audit.Finding;
import clinic.simulation.backend.PreparedTarget.NotReadyException;
import clinic.simulation.launch.FreshWeeks;
import clinic.simulation.launch.LaunchedRun;
import clinic.simulation.options.RunOptions;
import clinic.simulation.report.ReportPage;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What the backend shows with its fewest students: found by one run before the search, they are what the
 * backend is (a schedule that hides clinics, bookings for others let through), not what the load broke.
 * They are reported once, and every step accepts them (its audit then fails only on new findings), as the
 * user's own baseline of accepted findings.
 *
 * @param students the students of the probe: the blocked ones and one more, who books
 * @param findings every finding of the probe run, accepted or not
 * @param acceptedFindings the files each step accepts: the user's, then this probe's
 * @param report the probe's clinic report, relative to the steps' folder
 */
public record StandingFindings(int students, List<Finding> findings, List<Path> acceptedFindings, String report) {

    static final String FILE = "standing-findings.json";

    /** Runs the probe in {@code stepsFolder} and writes its findings there; stops the search when it cannot run. */
    static StandingFindings probe(RunOptions options, FreshWeeks weeks, Path stepsFolder, long deadline) {
        int students = options.week().noShowStudents() + 1;
        SearchConsole.probeStarts(students);
        LaunchedRun run = weeks.run(
                stepsFolder.resolve("standing-" + students + "-students"), students, options.seed(), deadline);
        if (run.summary() == null) {
            throw new NotReadyException("❌ 부하 한계 측정 전 상존 발견 확인 실행이 끝나지 않았습니다 (" + stepsFolder + "):\n"
                    + run.problem("searchMaxMinutes 에 도달해 중단됨"));
        }
        List<Finding> findings = run.summary().audit().findings();
        Path file = stepsFolder.resolve(FILE);
        AcceptedFindings.write(file, findings, "상존: 학생 " + students + "명에서도 나타남 (부하와 무관)");
        List<Path> accepted = Stream.concat(
                        options.criteria().acceptedFindings().stream(), Stream.of(file.toAbsolutePath()))
                .toList();
        StandingFindings standing = new StandingFindings(
                students,
                findings,
                accepted,
                stepsFolder.relativize(run.runFolder().resolve(ReportPage.FILE)).toString());
        SearchConsole.standing(standing);
        return standing;
    }

    /** The option that gives each step the standing findings as accepted ones. */
    String acceptedFindingsOption() {
        return acceptedFindings.stream().map(Path::toString).collect(Collectors.joining(","));
    }
}
