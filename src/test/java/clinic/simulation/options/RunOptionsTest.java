package clinic.simulation.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import clinic.contract.ClinicDay;
import clinic.server.ClinicLayout;
import clinic.server.FaultMode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RunOptionsTest {

    @Test
    void defaultsAreTheOriginalTool() {
        RunOptions options = RunOptions.parse(Map.of());

        assertThat(options.embedded()).isTrue();
        assertThat(options.students()).isEqualTo(20);
        assertThat(options.week().days()).containsExactly(ClinicDay.MON);
        assertThat(options.target().register()).isTrue();
        assertThat(options.behaviour().minReservations()).isEqualTo(1);
        assertThat(options.behaviour().maxReservations()).isEqualTo(5);
        assertThat(options.behaviour().pauseMin()).isEqualTo(0.1);
        assertThat(options.behaviour().pauseMax()).isEqualTo(2.0);
        assertThat(options.fixture().capacity()).isEqualTo(6);
        assertThat(options.fixture().reset()).isTrue();
        assertThat(options.fixture().faults()).isEmpty();
        assertThat(options.load().shape()).isEqualTo(LoadProfile.Shape.AT_ONCE);
        assertThat(options.criteria().p95Ms()).isEqualTo(1000);
        assertThat(options.seedGiven()).isFalse();
        assertThat(options.fixture().passwordIterations()).isEqualTo(EmbeddedFixture.DEFAULT_PASSWORD_ITERATIONS);
    }

    @Test
    void readsEveryValue() {
        RunOptions options = RunOptions.parse(Map.of(
                "students",
                "30",
                "day",
                "tue",
                "minReservations",
                "2",
                "maxReservations",
                "3",
                "pauseMin",
                "0",
                "pauseMax",
                "0.5",
                "capacity",
                "10",
                "reset",
                "false",
                "faults",
                "overbook, lost-write",
                "seed",
                "-7"));

        assertThat(options.students()).isEqualTo(30);
        assertThat(options.week().days()).containsExactly(ClinicDay.TUE);
        assertThat(options.behaviour().maxReservations()).isEqualTo(3);
        assertThat(options.fixture().capacity()).isEqualTo(10);
        assertThat(options.fixture().reset()).isFalse();
        assertThat(options.fixture().faults()).isEqualTo(Set.of(FaultMode.OVERBOOK, FaultMode.LOST_WRITE));
        assertThat(options.seed()).isEqualTo(-7);
        assertThat(options.seedGiven()).isTrue();
    }

    @Test
    void externalBackendTrailingSlashIsDropped() {
        RunOptions options = RunOptions.parse(Map.of("baseUrl", "http://localhost:8000/api/", "setupCommand", "true"));

        assertThat(options.embedded()).isFalse();
        assertThat(options.target().baseUrl()).isEqualTo("http://localhost:8000/api");
    }

    @Test
    void constantRateBringsUsersPerSecTimesDurationStudents() {
        RunOptions options =
                RunOptions.parse(Map.of("profile", "constantRate", "usersPerSec", "4", "durationSeconds", "7.5"));

        assertThat(options.students()).isEqualTo(30);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "students|0|students must be a whole number between 1 and 100000, got 0",
                "students|twenty|students must be a whole number, got 'twenty'",
                "day|monday|day: unknown day 'monday' (expected one of: mon, tue, wed, thu, fri, sat, sun)",
                "days|mon,someday|days: unknown day 'someday' (expected one of: mon, tue, wed, thu, fri, sat, sun, or all)",
                "register|maybe|register must be true or false, got 'maybe'",
                "times|18:00,late|times: 'late' is not a time of day HH:mm (e.g. 18:00)",
                "rooms|51|rooms must be a whole number between 1 and 50, got 51",
                "minReservations|0|minReservations must be a whole number between 1 and 100, got 0",
                "maxReservations|-1|maxReservations must be a whole number between 1 and 100, got -1",
                "pauseMin|-0.5|pauseMin must be a number between 0.0 and 60.0, got -0.5",
                "pauseMax|soon|pauseMax must be a number, got 'soon'",
                "capacity|0|capacity must be a whole number between 1 and 10000, got 0",
                "reset|yes|reset must be true or false, got 'yes'",
                "faults|overbook,slowly|faults: unknown fault mode 'slowly' (expected one of: overbook, lost-write, phantom, "
                        + "double-click, no-show-ignored, closed-ignored, foreign-booking, hidden-clinics, server-errors, "
                        + "slow, slow-login, bottleneck)",
                "noShowStudents|21|noShowStudents must be a whole number between 0 and 20, got 21",
                "doubleClickShare|0.95|doubleClickShare + persistentShare must not be above 1, got 0.95 + 0.1",
                "profile|burst|profile: unknown profile 'burst' (expected atOnce, ramp or constantRate)",
                "rampSeconds|0|rampSeconds must be a number between 0.001 and 3600.0, got 0",
                "p95Ms|0|p95Ms must be a whole number between 1 and 600000, got 0",
                "seed|1.5|seed must be a whole number, got '1.5'",
                "passwordIterations|0|passwordIterations must be a whole number between 1 and 10000000, got 0",
                "setupTimeoutSeconds|0|setupTimeoutSeconds must be a whole number between 1 and 3600, got 0",
                "baseUrl|ftp://127.0.0.1/api|baseUrl must be an http(s) URL such as http://127.0.0.1:8000/api, got "
                        + "'ftp://127.0.0.1/api'",
                "requestTimeoutSeconds|0|requestTimeoutSeconds must be a whole number between 1 and 3600, got 0",
                "confirmTarget|staging.academy.kr|confirmTarget is only for an external backend: give baseUrl too, or "
                        + "drop confirmTarget to use the embedded reference server",
                "baseUrl|http://exa mple/api|baseUrl is not a valid URL: Illegal character in authority at index 7: "
                        + "http://exa mple/api",
                "setupCommand|./setup.sh|setupCommand is only for an external backend: give baseUrl too, or drop "
                        + "setupCommand to use the embedded reference server"
            })
    void eachBadValueHasItsClearError(String name, String value, String error) {
        assertThatThrownBy(() -> RunOptions.parse(Map.of(name, value)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid simulation options:\n  - " + error);
    }

    @Test
    void anyHttpHostIsABaseUrl() {
        RunOptions options = RunOptions.parse(
                Map.of("baseUrl", "https://staging.academy.kr/api", "confirmTarget", "staging.academy.kr"));

        assertThat(options.target().baseUrl()).isEqualTo("https://staging.academy.kr/api");
        assertThat(options.target().confirmTarget()).isEqualTo("staging.academy.kr");
    }

    @Test
    void theRequestTimeoutIsGatlingsDefaultAndBoundsTheRun() {
        assertThat(RunOptions.parse(Map.of()).target().requestTimeout()).isEqualTo(Duration.ofSeconds(60));
        Duration tenSeconds =
                RunOptions.parse(Map.of("requestTimeoutSeconds", "10")).maxDuration(Duration.ZERO);
        Duration twentySeconds =
                RunOptions.parse(Map.of("requestTimeoutSeconds", "20")).maxDuration(Duration.ZERO);

        // each of a student's 3 + maxReservations requests, and the audit's 2, may wait that much longer
        assertThat(twentySeconds.minus(tenSeconds)).isEqualTo(Duration.ofSeconds((3 + 5 + 2) * 10));
    }

    @ParameterizedTest(name = "-D{0}")
    @CsvSource({
        "studnets,students",
        "Students,students",
        "sede,seed",
        "maxReservation,maxReservations",
        "requestTimeoutSecond,requestTimeoutSeconds",
        "basUrl,baseUrl"
    })
    void aMistypedOptionIsRefusedNamingTheOneMeant(String typo, String meant) {
        assertThatThrownBy(() -> RunOptions.parse(Map.of(typo, "50")))
                .hasMessage(
                        "Invalid simulation options:\n  - unknown option " + typo + ": did you mean " + meant + "?");
    }

    @ParameterizedTest(name = "-D{0}")
    @CsvSource({"test", "skipTests", "gatling.simulationClass", "user.dir", "clinic.resultsFolder", "it.test"})
    void propertiesOfMavenTheJvmAndGatlingAreNotTypos(String name) {
        assertThat(RunOptions.parse(Map.of(name, "x")).students()).isEqualTo(20);
    }

    @Test
    void daysAreAListOrAllInTheWeeksOrderAndDayIsTheOneDayCase() {
        assertThat(RunOptions.parse(Map.of("days", "fri, mon,fri")).week().days())
                .containsExactly(ClinicDay.MON, ClinicDay.FRI);
        assertThat(RunOptions.parse(Map.of("days", "all")).week().days()).containsExactly(ClinicDay.values());
        assertThat(RunOptions.parse(Map.of("day", "wed")).week().days()).containsExactly(ClinicDay.WED);
        assertThatThrownBy(() -> RunOptions.parse(Map.of("day", "wed", "days", "mon")))
                .hasMessage("Invalid simulation options:\n  - give day (one day) or days (a list, or all), not both");
    }

    @Test
    void theClinicLayoutIsTheContractsUnlessTimesOrRoomsAreGiven() {
        RunOptions standard = RunOptions.parse(Map.of());
        RunOptions week = RunOptions.parse(Map.of("days", "all", "times", "16:00,17:00", "rooms", "10"));

        assertThat(standard.week().layout()).isEqualTo(ClinicLayout.STANDARD);
        assertThat(standard.week().layoutGiven()).isFalse();
        assertThat(week.week().layout().slots()).hasSize(7 * 2 * 10);
        assertThat(week.week().layoutGiven()).isTrue();
    }

    @Test
    void theDocsListEveryOption() throws IOException {
        String options = Files.readString(Path.of("docs/options.md"), StandardCharsets.UTF_8);

        assertThat(Option.values())
                .hasSizeGreaterThan(20)
                .allSatisfy(option -> assertThat(options).as("docs/options.md").contains("`" + option.key() + "`"));
    }

    @Test
    void boundsThatDependOnEachOtherAreChecked() {
        assertThatThrownBy(() -> RunOptions.parse(
                        Map.of("minReservations", "4", "maxReservations", "2", "pauseMin", "3", "pauseMax", "1")))
                .hasMessage("Invalid simulation options:\n"
                        + "  - maxReservations (2) must not be below minReservations (4)\n"
                        + "  - pauseMax (1.0) must not be below pauseMin (3.0)");
    }

    @Test
    void closedClinicIdsNameTheEntryThatIsNotAnId() {
        assertThatThrownBy(() ->
                        RunOptions.parse(Map.of("baseUrl", "http://127.0.0.1:8000/api", "closedClinicIds", "7,x")))
                .hasMessage("Invalid simulation options:\n"
                        + "  - closedClinicIds: clinic ids separated by commas (e.g. 9,10), 'x' is not one");
        assertThat(RunOptions.parse(Map.of("baseUrl", "http://127.0.0.1:8000/api", "closedClinicIds", "9, 10"))
                        .week()
                        .closedClinicIds())
                .containsExactly(9L, 10L);
    }

    private static final String EXTERNAL = "http://127.0.0.1:8000/api";

    @Test
    void anInjectorDrivesItsSliceOfTheStudents() {
        RunOptions second = RunOptions.parse(Map.of(
                "baseUrl", EXTERNAL, "students", "20", "injectorCount", "3", "injectorIndex", "3", "profile", "ramp"));

        assertThat(second.injectors().shard()).isEqualTo(new InjectorShard(3, 3));
        assertThat(second.studentsHere()).isEqualTo(6);
        assertThat(second.students()).isEqualTo(20);
        assertThat(second.describe()).containsEntry("injectorCount", 3).containsEntry("injectorIndex", 3);
        assertThat(RunOptions.parse(Map.of()).describe()).doesNotContainKeys("injectorCount", "openAt");
    }

    @Test
    void injectorsShareOneExternalBackendPreparedBeforeThem() {
        assertThatThrownBy(() -> RunOptions.parse(Map.of("injectorCount", "2")))
                .hasMessageContaining("injectorCount 2: several injectors load one shared backend, give baseUrl");
        assertThatThrownBy(() ->
                        RunOptions.parse(Map.of("baseUrl", EXTERNAL, "injectorCount", "2", "setupCommand", "true")))
                .hasMessageContaining("setupCommand with injectorCount 2: each injector would reset the backend");
        assertThatThrownBy(
                        () -> RunOptions.parse(Map.of("baseUrl", EXTERNAL, "injectorCount", "2", "injectorIndex", "3")))
                .hasMessageContaining("injectorIndex (3) must not be above injectorCount (2)");
        assertThatThrownBy(() -> RunOptions.parse(Map.of("baseUrl", EXTERNAL, "students", "2", "injectorCount", "3")))
                .hasMessageContaining("injectorCount (3) must not be above students (2)");
    }

    @Test
    void openAtIsAnInstantAheadWithItsOffsetAndTheRunWaitsForIt() {
        Instant ahead = Instant.now().plus(Duration.ofMinutes(10));
        RunOptions waiting = RunOptions.parse(
                Map.of("openAt", ahead.atOffset(ZoneOffset.ofHours(9)).toString()));
        RunOptions atOnce = RunOptions.parse(Map.of("seed", "1"));

        assertThat(waiting.injectors().openAt()).isEqualTo(ahead);
        assertThat(waiting.maxDuration(Duration.ZERO).minus(atOnce.maxDuration(Duration.ZERO)))
                .isBetween(Duration.ofMinutes(9), Duration.ofMinutes(10));
        assertThatThrownBy(() -> RunOptions.parse(Map.of("openAt", "tomorrow 10:00")))
                .hasMessageContaining("openAt: an ISO-8601 instant with its offset such as 2026-12-01T10:00:00+09:00, "
                        + "got 'tomorrow 10:00'");
        assertThatThrownBy(() -> RunOptions.parse(Map.of("openAt", "2020-01-01T10:00:00+09:00")))
                .hasMessageContaining("openAt 2020-01-01T01:00:00Z is already past");
        assertThatThrownBy(() -> RunOptions.parse(
                        Map.of("openAt", Instant.now().plus(Duration.ofDays(2)).toString())))
                .hasMessageContaining("is more than 24 hours ahead");
    }

    @Test
    void embeddedOnlyOptionsAreRefusedWithAnExternalBackend() {
        assertThatThrownBy(() -> RunOptions.parse(
                        Map.of("baseUrl", "http://127.0.0.1:8000/api", "faults", "slow", "capacity", "8")))
                .hasMessage("Invalid simulation options:\n"
                        + "  - faults only apply to the embedded reference server: drop baseUrl or faults\n"
                        + "  - capacity only applies to the embedded reference server (baseUrl is set): prepare the "
                        + "external backend with setupCommand instead");
    }

    @Test
    void constantRateMustBringAWholeNumberOfStudentsAgreeingWithStudents() {
        assertThatThrownBy(() -> RunOptions.parse(
                        Map.of("profile", "constantRate", "usersPerSec", "3", "durationSeconds", "2.5")))
                .hasMessage("Invalid simulation options:\n  - profile=constantRate needs usersPerSec × durationSeconds "
                        + "to be a whole number of students between 1 and 100000, got 3.0 × 2.5 = 7.5");
        assertThatThrownBy(() -> RunOptions.parse(Map.of(
                        "profile", "constantRate", "usersPerSec", "5", "durationSeconds", "4", "students", "30")))
                .hasMessage("Invalid simulation options:\n  - profile=constantRate brings usersPerSec × "
                        + "durationSeconds = 20 students but students=30: drop students or make them agree");
    }
}
