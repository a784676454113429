package clinic.simulation.capacity;

import clinic.server.FixtureClinic;
import clinic.simulation.backend.EmbeddedTarget;
import clinic.simulation.backend.PreparedTarget.NotReadyException;
import clinic.simulation.options.SimulationOptions;
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
    private static final Set<String> SET_BY_THE_SEARCH = Set.of("students", "seed", "resultsFolder");

    private final SimulationOptions options;
    private final StepLauncher launcher;
    private final Path stepsFolder;

    private CapacitySearch(SimulationOptions options, Path stepsFolder) {
        this.options = options;
        this.stepsFolder = stepsFolder;
        this.launcher = new StepLauncher(stepsFolder);
    }

    /**
     * Refuses what a search cannot do (the message says why), then searches; every step's run lands in
     * {@code stepsFolder}.
     */
    public static SearchResult run(SimulationOptions options, Path stepsFolder) {
        refuseUnsearchable(options);
        return new CapacitySearch(options, stepsFolder).search();
    }

    private static void refuseUnsearchable(SimulationOptions options) {
        List<String> problems = new ArrayList<>();
        if (!options.embedded() && options.setupCommand() == null) {
            problems.add("baseUrl without setupCommand: every step needs a fresh week (no seat taken, the step's "
                    + "students created); give -DsetupCommand, which runs before each step with the step's number "
                    + "of students in $CLINIC_STUDENTS");
        }
        if (!options.shard().alone()) {
            problems.add("injectorCount: the capacity search drives its steps from one load generator");
        }
        if (options.openAt() != null) {
            problems.add("openAt: each step opens its reservations when its students are ready");
        }
        if (options.noShowStudents() > options.search().startStudents()) {
            problems.add("noShowStudents (" + options.noShowStudents() + ") is above searchStartStudents ("
                    + options.search().startStudents() + "): every step needs its blocked students among its own");
        }
        if (!problems.isEmpty()) {
            throw new NotReadyException("❌ 부하 한계 측정을 시작할 수 없습니다:\n   - " + String.join("\n   - ", problems));
        }
    }

    private SearchResult search() {
        long started = System.nanoTime();
        long deadline = started + options.search().maxTime().toNanos();
        SearchPlan plan = new SearchPlan(options.search());
        List<SearchStep> steps = new ArrayList<>();
        Map<String, String> common = forwardedOptions();
        SearchConsole.announce(options, stepsFolder);
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
                if (step.worthRerunning(options.p95Ms()) && pause(deadline)) {
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
            return SearchResult.of(options, plan, plan.outcome(outOfTime), steps, elapsed);
        }
    }

    /**
     * Waits {@code searchPauseSeconds} before a step, so that the backend's rate-limit window no longer holds
     * the last step's requests; false when the search's time is up first.
     */
    private boolean pause(long deadline) {
        long pause = options.search().pauseSeconds() * 1_000_000_000L;
        if (pause == 0) {
            return System.nanoTime() < deadline;
        }
        if (System.nanoTime() + pause >= deadline) {
            return false;
        }
        SearchConsole.pauses(options.search().pauseSeconds());
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
        Duration bound = SimulationOptions.parse(stepOptions).maxDuration().plus(StepLauncher.START_UP_SLACK);
        long deadline = Math.min(searchDeadline, System.nanoTime() + bound.toNanos());
        SearchConsole.stepStarts(number, students, rerun);
        SearchStep step = launcher.run(number, students, rerun, stepOptions, options.p95Ms(), deadline);
        SearchConsole.stepEnded(step);
        return step;
    }

    /** The embedded server as the steps see it: a backend at an address, prepared with this fixture. */
    private Map<String, String> sharedServerOptions(EmbeddedTarget server) {
        Map<String, String> shared = new LinkedHashMap<>();
        shared.put("baseUrl", server.baseUrl());
        shared.put("times", options.layout().timesText());
        shared.put("rooms", Integer.toString(options.layout().rooms()));
        shared.put("noShowStudents", Integer.toString(options.noShowStudents()));
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
     * What the shared embedded server already has (faults, fixture) or the search gives each step from it
     * (blocked students): the steps see it as a prepared backend.
     */
    private static boolean setByTheSharedServer(String name) {
        return name.equals("faults")
                || name.equals("noShowStudents")
                || SimulationOptions.EMBEDDED_FIXTURE_OPTIONS.contains(name);
    }

    /** The user's simulation options, as given, for every step (less what the search sets itself). */
    private Map<String, String> forwardedOptions() {
        Set<String> names = SimulationOptions.names();
        Properties properties = System.getProperties();
        Map<String, String> forwarded = new LinkedHashMap<>();
        for (String name : properties.stringPropertyNames()) {
            if (names.contains(name)
                    && !name.startsWith(SimulationOptions.SEARCH_OPTION_PREFIX)
                    && !SET_BY_THE_SEARCH.contains(name)
                    && !(options.embedded() && setByTheSharedServer(name))) {
                forwarded.put(name, properties.getProperty(name));
            }
        }
        return forwarded;
    }
}
