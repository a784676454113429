package clinic.simulation.launch;

import static clinic.simulation.output.RunOutputs.CONSOLE;

import clinic.server.FixtureClinic;
import clinic.simulation.backend.EmbeddedTarget;
import clinic.simulation.options.Option;
import clinic.simulation.options.RunOptions;
import clinic.simulation.scenario.StudentAccount;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A series of runs of the main simulation, each a whole run in a JVM of its own on a fresh week, with the
 * user's options: what the capacity search's steps and the repeated runs of a comparison are made of.
 *
 * <p>A fresh week per run: the embedded reference server is started once (warm) and its fixture is
 * reloaded before each run with the run's students (no seat taken, rate limiter and fault counters
 * cleared); an external backend runs {@code setupCommand} at the start of each run, as every run does.
 */
public final class FreshWeeks implements AutoCloseable {

    /**
     * Set on every run of a series: such a run leaves the index of the results (results/index.html) to the
     * series, whose folder holds it.
     */
    public static final String IN_A_SERIES = "clinic.inASeries";

    /**
     * Options each run is given by the series itself, run by run, or not at all: a baseline of accepted
     * findings written by every run would be the last run's only.
     */
    private static final Set<Option> SET_PER_RUN =
            Set.of(Option.STUDENTS, Option.SEED, Option.RESULTS_FOLDER, Option.WRITE_ACCEPTED_FINDINGS);

    private final RunOptions options;
    private final RunLauncher launcher;
    private final Map<String, String> forwarded;
    private final EmbeddedTarget server;

    private FreshWeeks(RunOptions options, String simulation, Properties given) {
        this.options = options;
        this.launcher = new RunLauncher(simulation);
        this.forwarded = forwardedOptions(options, given);
        this.server = options.embedded()
                ? EmbeddedTarget.startControlled(options, StudentAccount.load(options.students()))
                : null;
    }

    /**
     * What a series cannot do with these options, one line each, in the words of {@code who} (e.g. "the
     * capacity search") and its {@code unit} (e.g. "step"); empty when it can run.
     */
    public static List<String> problems(RunOptions options, String who, String unit) {
        List<String> problems = new ArrayList<>();
        if (!options.embedded() && options.target().setupCommand() == null) {
            problems.add("baseUrl without setupCommand: every " + unit + " needs a fresh week (no seat taken, the "
                    + unit + "'s students created); give -DsetupCommand, which runs before each " + unit
                    + " with the " + unit + "'s number of students in $CLINIC_STUDENTS");
        }
        if (!options.injectors().shard().alone()) {
            problems.add("injectorCount: " + who + " drives its " + unit + "s from one load generator");
        }
        if (options.injectors().openAt() != null) {
            problems.add("openAt: each " + unit + " opens its reservations when its students are ready");
        }
        return problems;
    }

    /**
     * Starts the series: the shared embedded server (warmed up) when the target is embedded. Every run gets
     * the user's options as given in the JVM's system properties, but an add-on's own and those the series
     * sets run by run.
     *
     * @param simulation the main simulation's class name
     */
    public static FreshWeeks start(RunOptions options, String simulation) {
        return new FreshWeeks(options, simulation, System.getProperties());
    }

    /**
     * One run with {@code students} students and {@code seed}, on a fresh week, in {@code folder}; bounded by
     * its own {@code maxDuration} (plus the JVM's start-up) and by {@code deadline} ({@link System#nanoTime()}).
     */
    public LaunchedRun run(Path folder, int students, long seed, long deadline) {
        return run(folder, students, seed, Map.of(), deadline);
    }

    /** The same, with {@code given} options of the series' own in place of the user's. */
    public LaunchedRun run(Path folder, int students, long seed, Map<Option, String> given, long deadline) {
        Map<String, String> runOptions = new LinkedHashMap<>(forwarded);
        given.forEach((option, value) -> runOptions.put(option.key(), value));
        runOptions.put(Option.STUDENTS.key(), Integer.toString(students));
        runOptions.put(Option.SEED.key(), Long.toString(seed));
        if (server != null) {
            server.reload(students);
            runOptions.putAll(sharedServerOptions());
        }
        RunOptions run = RunOptions.parse(runOptions);
        Duration bound = run.maxDuration(run.load().nominalArrivals()).plus(RunLauncher.START_UP_SLACK);
        return launcher.run(folder, runOptions, Math.min(deadline, System.nanoTime() + bound.toNanos()));
    }

    /** The contract's rate-limit window: 5 reservation requests per student per 60 s. */
    public static final int RATE_WINDOW_SECONDS = 60;

    /**
     * The wait before the next run: the user's when given, else the rate-limit window after a run the backend
     * answered {@code rate_limited} (its window would still count that run's requests), else none: a backend
     * that declares a limit but never applies it, or the embedded server whose reload clears its limiter, is
     * not waited for.
     */
    public static int pauseAfter(Integer asked, boolean rateLimited) {
        if (asked != null) {
            return asked;
        }
        return rateLimited ? RATE_WINDOW_SECONDS : 0;
    }

    /**
     * Waits {@code seconds} (the value of {@code option}) before a run, so that the backend's rate-limit
     * window no longer holds the last run's requests; false when {@code deadline} comes first.
     */
    public static boolean pause(int seconds, Option option, long deadline) {
        long pause = seconds * 1_000_000_000L;
        if (pause == 0) {
            return System.nanoTime() < deadline;
        }
        if (System.nanoTime() + pause >= deadline) {
            return false;
        }
        CONSOLE.info("⏸ 백엔드의 요청 한도 창이 지난 실행을 잊도록 {}초 기다립니다 (-D{})", seconds, option.key());
        try {
            Thread.sleep(pause / 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the series paused between runs", e);
        }
        return true;
    }

    /** The embedded server as the runs see it: a backend at an address, prepared with this fixture. */
    private Map<String, String> sharedServerOptions() {
        Map<String, String> shared = new LinkedHashMap<>();
        shared.put(Option.BASE_URL.key(), server.baseUrl());
        shared.put(Option.TIMES.key(), options.week().layout().timesText());
        shared.put(Option.ROOMS.key(), Integer.toString(options.week().layout().rooms()));
        shared.put(
                Option.NO_SHOW_STUDENTS.key(), Integer.toString(options.week().noShowStudents()));
        String closed = server.clinics().stream()
                .filter(clinic -> !clinic.active())
                .map(FixtureClinic::id)
                .map(String::valueOf)
                .collect(Collectors.joining(","));
        if (!closed.isEmpty()) {
            shared.put(Option.CLOSED_CLINIC_IDS.key(), closed);
        }
        return shared;
    }

    /**
     * What the shared embedded server already has (its fixture and faults) or the series gives each run
     * from it (the blocked students): the runs see it as a prepared backend.
     */
    private static boolean setByTheSharedServer(Option option) {
        return option.concern() == Option.Concern.EMBEDDED || option == Option.NO_SHOW_STUDENTS;
    }

    /** The user's simulation options, as given, for every run (less the add-ons' and what the series sets). */
    private static Map<String, String> forwardedOptions(RunOptions options, Properties given) {
        Map<String, String> forwarded = new LinkedHashMap<>();
        for (Option option : Option.values()) {
            String value = given.getProperty(option.key());
            if (value != null
                    && !option.concern().addOn()
                    && !SET_PER_RUN.contains(option)
                    && !(options.embedded() && setByTheSharedServer(option))) {
                forwarded.put(option.key(), value);
            }
        }
        return forwarded;
    }

    /** Whether this JVM runs one run of a series. */
    public static boolean inASeries() {
        return Boolean.getBoolean(IN_A_SERIES);
    }

    /** Stops the shared embedded server, if any. */
    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
    }
}
