package clinic.simulation.capacity;

import clinic.server.FixtureClinic;
import clinic.simulation.backend.EmbeddedTarget;
import clinic.simulation.backend.PreparedTarget.NotReadyException;
import clinic.simulation.options.Option;
import clinic.simulation.options.RunOptions;
import clinic.simulation.scenario.StudentAccount;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * 부하 한계 측정: repeats the opening rush of the main simulation at growing numbers of students, each
 * step a whole run on a fresh week, until one breaks the service level (reservation p95 above
 * {@code p95Ms}, a technical failure, a failed login, or an audit finding), then narrows the gap by
 * bisection ({@link SearchPlan}).
 *
 * <p>A fresh week per step: the embedded reference server is started once (warm) and its fixture is
 * reloaded before each step with the step's students; an external backend runs {@code setupCommand} at
 * the start of each step, as every run does.
 */
public final class CapacitySearch {

    /** Options each step is given by the search itself (besides the search's own, {@code search...}). */
    private static final Set<Option> SET_BY_THE_SEARCH = Set.of(Option.STUDENTS, Option.SEED, Option.RESULTS_FOLDER);

    private final RunOptions options;
    private final SearchOptions search;
    private final StepLauncher launcher;
    private final Path stepsFolder;

    private CapacitySearch(RunOptions options, SearchOptions search, Path stepsFolder, String simulation) {
        this.options = options;
        this.search = search;
        this.stepsFolder = stepsFolder;
        this.launcher = new StepLauncher(stepsFolder, simulation);
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
        List<String> problems = new ArrayList<>();
        if (!options.embedded() && options.target().setupCommand() == null) {
            problems.add("baseUrl without setupCommand: every step needs a fresh week (no seat taken, the step's "
                    + "students created); give -DsetupCommand, which runs before each step with the step's number "
                    + "of students in $CLINIC_STUDENTS");
        }
        if (!options.injectors().shard().alone()) {
            problems.add("injectorCount: the capacity search drives its steps from one load generator");
        }
        if (options.injectors().openAt() != null) {
            problems.add("openAt: each step opens its reservations when its students are ready");
        }
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
        Map<String, String> common = forwardedOptions();
        SearchConsole.announce(options, search, stepsFolder);
        try (EmbeddedTarget server = options.embedded()
                ? EmbeddedTarget.startControlled(options, StudentAccount.load(options.students()))
                : null) {
            boolean outOfTime = false;
            for (OptionalInt next = plan.next(); next.isPresent() && !outOfTime; next = plan.next()) {
                int students = next.getAsInt();
                outOfTime = !steps.isEmpty() && !pause(deadline);
                if (outOfTime) {
                    break;
                }
                SearchStep step = step(steps.size() + 1, students, false, server, common, deadline);
                steps.add(step);
                if (step.worthRerunning(options.criteria().p95Ms()) && pause(deadline)) {
                    step = step(steps.size() + 1, students, true, server, common, deadline);
                    steps.add(step);
                }
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
            return SearchResult.of(options, search, plan, plan.outcome(outOfTime), steps, elapsed);
        }
    }

    /**
     * Waits {@code searchPauseSeconds} before a step, so that the backend's rate-limit window no longer holds
     * the last step's requests; false when the search's time is up first.
     */
    private boolean pause(long deadline) {
        long pause = search.pauseSeconds() * 1_000_000_000L;
        if (pause == 0) {
            return System.nanoTime() < deadline;
        }
        if (System.nanoTime() + pause >= deadline) {
            return false;
        }
        SearchConsole.pauses(search.pauseSeconds());
        try {
            Thread.sleep(pause / 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the search paused between steps", e);
        }
        return true;
    }

    private SearchStep step(
            int number,
            int students,
            boolean rerun,
            EmbeddedTarget server,
            Map<String, String> common,
            long searchDeadline) {
        Map<String, String> stepOptions = new LinkedHashMap<>(common);
        stepOptions.put("students", Integer.toString(students));
        stepOptions.put("seed", Long.toString(options.seed()));
        if (server != null) {
            server.reload(students);
            stepOptions.putAll(sharedServerOptions(server));
        }
        RunOptions run = RunOptions.parse(stepOptions);
        Duration bound = run.maxDuration(run.load().nominalArrivals()).plus(StepLauncher.START_UP_SLACK);
        long deadline = Math.min(searchDeadline, System.nanoTime() + bound.toNanos());
        SearchConsole.stepStarts(number, students, rerun);
        SearchStep step = launcher.run(
                number, students, rerun, stepOptions, options.criteria().p95Ms(), deadline);
        SearchConsole.stepEnded(step);
        return step;
    }

    /** The embedded server as the steps see it: a backend at an address, prepared with this fixture. */
    private Map<String, String> sharedServerOptions(EmbeddedTarget server) {
        Map<String, String> shared = new LinkedHashMap<>();
        shared.put("baseUrl", server.baseUrl());
        shared.put("times", options.week().layout().timesText());
        shared.put("rooms", Integer.toString(options.week().layout().rooms()));
        shared.put("noShowStudents", Integer.toString(options.week().noShowStudents()));
        String closed = server.clinics().stream()
                .filter(clinic -> !clinic.active())
                .map(FixtureClinic::id)
                .map(String::valueOf)
                .collect(Collectors.joining(","));
        if (!closed.isEmpty()) {
            shared.put("closedClinicIds", closed);
        }
        return shared;
    }

    /**
     * What the shared embedded server already has (its fixture and faults) or the search gives each step
     * from it (the blocked students): the steps see it as a prepared backend.
     */
    private static boolean setByTheSharedServer(Option option) {
        return option.concern() == Option.Concern.EMBEDDED || option == Option.NO_SHOW_STUDENTS;
    }

    /** The user's simulation options, as given, for every step (less the search's own and what it sets itself). */
    private Map<String, String> forwardedOptions() {
        Properties properties = System.getProperties();
        Map<String, String> forwarded = new LinkedHashMap<>();
        for (Option option : Option.values()) {
            String value = properties.getProperty(option.key());
            if (value != null
                    && option.concern() != Option.Concern.SEARCH
                    && !SET_BY_THE_SEARCH.contains(option)
                    && !(options.embedded() && setByTheSharedServer(option))) {
                forwarded.put(option.key(), value);
            }
        }
        return forwarded;
    }
}
