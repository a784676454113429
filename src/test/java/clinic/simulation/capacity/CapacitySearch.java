package clinic.simulation.capacity;

import clinic.simulation.backend.PreparedTarget.NotReadyException;
import clinic.simulation.launch.FreshWeeks;
import clinic.simulation.launch.LaunchedRun;
import clinic.simulation.options.Option;
import clinic.simulation.options.RunOptions;
import clinic.simulation.report.ReportPage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * 부하 한계 측정: repeats the opening rush of the main simulation at growing numbers of students, each
 * step a whole run on a fresh week ({@link FreshWeeks}), until one breaks the service level (reservation
 * p95 above {@code p95Ms}, a technical failure, a failed login, or an audit finding), then narrows the gap
 * by bisection ({@link SearchPlan}).
 */
public final class CapacitySearch {

    private final RunOptions options;
    private final SearchOptions search;
    private final Path stepsFolder;
    private final String simulation;

    private CapacitySearch(RunOptions options, SearchOptions search, Path stepsFolder, String simulation) {
        this.options = options;
        this.search = search;
        this.stepsFolder = stepsFolder;
        this.simulation = simulation;
    }

    /**
     * Refuses what a search cannot do (the message says why), then searches; every step's run lands in
     * {@code stepsFolder}.
     */
    public static SearchResult run(RunOptions options, SearchOptions search, Path stepsFolder, String simulation) {
        refuseUnsearchable(options, search);
        return new CapacitySearch(options, search, stepsFolder, simulation).search();
    }

    private static void refuseUnsearchable(RunOptions options, SearchOptions search) {
        List<String> problems = new ArrayList<>(FreshWeeks.problems(options, "the capacity search", "step"));
        if (options.week().noShowStudents() > search.startStudents()) {
            problems.add("noShowStudents (" + options.week().noShowStudents() + ") is above searchStartStudents ("
                    + search.startStudents() + "): every step needs its blocked students among its own");
        }
        if (!problems.isEmpty()) {
            throw new NotReadyException("❌ 부하 한계 측정을 시작할 수 없습니다:\n   - " + String.join("\n   - ", problems));
        }
    }

    private SearchResult search() {
        long started = System.nanoTime();
        long deadline = started + search.maxTime().toNanos();
        SearchPlan plan = new SearchPlan(search);
        List<SearchStep> steps = new ArrayList<>();
        SearchConsole.announce(options, search, stepsFolder);
        try (FreshWeeks weeks = FreshWeeks.start(options, simulation)) {
            StandingFindings standing = StandingFindings.probe(options, weeks, stepsFolder, deadline);
            Map<Option, String> accepting = Map.of(Option.ACCEPTED_FINDINGS, standing.acceptedFindingsOption());
            boolean outOfTime = false;
            SearchStep last = null;
            for (OptionalInt next = plan.next(); next.isPresent() && !outOfTime; next = plan.next()) {
                int students = next.getAsInt();
                outOfTime = !steps.isEmpty() && !pause(last, deadline);
                if (outOfTime) {
                    break;
                }
                SearchStep step = step(steps.size() + 1, students, false, weeks, accepting, deadline);
                steps.add(step);
                if (step.worthRerunning(options.criteria().p95Ms()) && pause(step, deadline)) {
                    step = step(steps.size() + 1, students, true, weeks, accepting, deadline);
                    steps.add(step);
                }
                last = step;
                outOfTime = System.nanoTime() >= deadline;
                if (steps.size() == 1 && step.problem() != null && !outOfTime) {
                    throw new NotReadyException(
                            "❌ 부하 한계 측정의 첫 단계가 실행되지 않았습니다 (" + stepsFolder + "):\n" + step.problem());
                }
                if (!outOfTime || step.problem() == null) {
                    plan.record(students, step.held());
                }
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            return SearchResult.of(options, search, plan, plan.outcome(outOfTime), standing, steps, elapsed);
        }
    }

    /**
     * Waits before a step when the user asked for it, or when the {@code last} step met the backend's rate
     * limit, so that its window no longer holds that step's requests; false when the search's time is up first.
     */
    private boolean pause(SearchStep last, long deadline) {
        return FreshWeeks.pause(search.pauseAfter(last), Option.SEARCH_PAUSE_SECONDS, deadline);
    }

    private SearchStep step(
            int number,
            int students,
            boolean rerun,
            FreshWeeks weeks,
            Map<Option, String> accepting,
            long searchDeadline) {
        Path folder = stepsFolder.resolve("step-%02d-%d-students%s".formatted(number, students, rerun ? "-rerun" : ""));
        SearchConsole.stepStarts(number, students, rerun);
        LaunchedRun run = weeks.run(folder, students, options.seed(), accepting, searchDeadline);
        SearchStep step = run.summary() == null
                ? SearchStep.incomplete(
                        number, students, rerun, run.problem("searchMaxMinutes 에 도달해 중단됨"), run.seconds())
                : SearchStep.of(
                        number,
                        students,
                        rerun,
                        run.summary(),
                        options.criteria().p95Ms(),
                        run.seconds(),
                        stepsFolder
                                .relativize(run.runFolder().resolve(ReportPage.FILE))
                                .toString());
        SearchConsole.stepEnded(step);
        return step;
    }
}
