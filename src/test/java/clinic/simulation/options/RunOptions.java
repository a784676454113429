package clinic.simulation.options;

import clinic.server.FixtureSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The options of one run of the main simulation, each concern read into its own record, all validated
 * before any load so that every bad value gets its line and no half-run happens.
 *
 * @param seed drives every random choice, so a run repeats exactly
 * @param seedGiven false when the seed was drawn at random (printed so it can be reused)
 * @param resultsFolder where the run folder is looked for
 */
public record RunOptions(
        LoadProfile load,
        TargetOptions target,
        ClinicWeek week,
        EmbeddedFixture fixture,
        StudentBehaviour behaviour,
        Injectors injectors,
        PassCriteria criteria,
        long seed,
        boolean seedGiven,
        String resultsFolder) {

    /**
     * Set by the pom on the forked JVM: the folder the Gatling plugin writes results to, so our files land
     * next to the report whatever the working directory.
     */
    static final String BUILD_RESULTS_FOLDER = "clinic.resultsFolder";

    /** Reads the JVM's system properties (the Gatling Maven plugin forwards {@code -D} values). */
    public static RunOptions fromSystemProperties() {
        return read(OptionReader.ofSystemProperties());
    }

    /** Parses and validates; throws {@link IllegalArgumentException} naming every bad value. */
    public static RunOptions parse(Map<String, String> values) {
        return read(new OptionReader(values));
    }

    /** Reads this run's options from {@code reader} and throws every error it collected, an add-on's too. */
    public static RunOptions read(OptionReader reader) {
        LoadProfile load = LoadProfile.read(reader);
        TargetOptions target = TargetOptions.read(reader);
        EmbeddedFixture fixture = EmbeddedFixture.read(reader);
        Injectors injectors = Injectors.read(reader, load.students());
        Long givenSeed = reader.parsed(Option.SEED, null, Long::parseLong);
        String folder = reader.text(Option.RESULTS_FOLDER);
        RunOptions options = new RunOptions(
                load,
                target,
                ClinicWeek.read(reader, target.embedded(), load.students()),
                fixture,
                StudentBehaviour.read(reader),
                injectors,
                PassCriteria.read(reader),
                givenSeed != null ? givenSeed : ThreadLocalRandom.current().nextLong(),
                givenSeed != null,
                folder != null ? folder : System.getProperty(BUILD_RESULTS_FOLDER, "results"));
        options.checkTargetOptions(reader);
        reader.throwIfInvalid();
        return options;
    }

    /** Options that only make sense for one kind of target, or only for one injector. */
    private void checkTargetOptions(OptionReader reader) {
        InjectorShard shard = injectors.shard();
        if (!shard.alone() && embedded()) {
            reader.error("injectorCount " + shard.count() + ": several injectors load one shared backend, give "
                    + "baseUrl (each embedded server would be a backend of its own)");
        }
        if (!shard.alone() && target.setupCommand() != null) {
            reader.error("setupCommand with injectorCount " + shard.count() + ": each injector would reset the "
                    + "backend under the others; prepare it once before starting them");
        }
        if (embedded()) {
            for (Option externalOnly : List.of(Option.SETUP_COMMAND, Option.CONFIRM_TARGET, Option.CLOSED_CLINIC_IDS)) {
                if (reader.given(externalOnly)) {
                    reader.error(externalOnly + " is only for an external backend: give baseUrl too, or drop "
                            + externalOnly + " to use the embedded reference server");
                }
            }
            return;
        }
        if (!fixture.faults().isEmpty()) {
            reader.error("faults only apply to the embedded reference server: drop baseUrl or faults");
        }
        for (Option embeddedOnly : Option.of(Option.Concern.EMBEDDED)) {
            if (embeddedOnly != Option.FAULTS && reader.given(embeddedOnly)) {
                reader.error(embeddedOnly + " only applies to the embedded reference server (baseUrl is set): "
                        + "prepare the external backend with setupCommand instead");
            }
        }
    }

    /**
     * The same options for the number of students the injection brings, which the options' own number
     * only suggests: every bound that depends on it is checked again.
     */
    public RunOptions withStudents(long injected) {
        if (injected == load.students()) {
            return this;
        }
        List<String> problems = new ArrayList<>();
        if (injected < 1 || injected > FixtureSpec.MAX_STUDENTS) {
            problems.add("the injection brings " + injected + " students: it must bring between 1 and "
                    + FixtureSpec.MAX_STUDENTS);
        }
        if (week.noShowStudents() > injected) {
            problems.add("noShowStudents (" + week.noShowStudents() + ") is above the " + injected
                    + " students the injection brings");
        }
        if (injectors.shard().count() > injected) {
            problems.add("injectorCount (" + injectors.shard().count() + ") is above the " + injected
                    + " students the injection brings: every injector needs a student");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Invalid simulation options:\n  - " + String.join("\n  - ", problems));
        }
        return new RunOptions(
                load.withStudents((int) injected),
                target,
                week,
                fixture,
                behaviour,
                injectors,
                criteria,
                seed,
                seedGiven,
                resultsFolder);
    }

    /** Every student of the run, on every injector. */
    public int students() {
        return load.students();
    }

    /** The students this injector drives: all of them, unless several injectors share the run. */
    public int studentsHere() {
        return injectors.shard().studentsOf(students());
    }

    public boolean embedded() {
        return target.embedded();
    }

    /**
     * The run's upper bound: the arrivals, the wait for the opening, then every request of a student timing
     * out and every pause at its longest, then the audit, plus slack. A run cut short misses the audit,
     * which fails an assertion.
     */
    public Duration maxDuration(Duration arrivals) {
        int timeout = target.requestTimeoutSeconds();
        int tries = behaviour.maxReservations();
        double student = (3 + tries) * timeout + tries * behaviour.pauseMax();
        return arrivals.plus(injectors.openingWait()).plusSeconds(Math.round(student + 2 * timeout + 60));
    }

    /** The options as printed in the summary and written to clinic-summary.json. */
    public Map<String, Object> describe() {
        Map<String, Object> described = new LinkedHashMap<>(target.describe());
        described.put(Option.STUDENTS.key(), students());
        described.putAll(load.describe());
        described.putAll(week.describe(embedded()));
        if (embedded()) {
            described.putAll(fixture.describe());
        }
        described.putAll(behaviour.describe());
        described.putAll(criteria.describe());
        described.putAll(injectors.describe());
        described.put(Option.SEED.key(), seed);
        return described;
    }
}
