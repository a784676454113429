package clinic.simulation.report;

import clinic.contract.ClinicDay;
import clinic.simulation.answers.RejectionReason;
import clinic.simulation.audit.Finding;
import clinic.simulation.audit.RuleCheck;
import clinic.simulation.audit.Verdict;
import clinic.simulation.output.AttemptsFile.Attempt;
import clinic.simulation.output.FinalClinic;
import clinic.simulation.output.Latency;
import clinic.simulation.output.RunSummary;
import clinic.simulation.output.RunSummary.ExpectedClinicSeen;
import clinic.simulation.output.RunSummary.StepName;
import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What clinic-report.html shows, computed from a run's files (its summary and its reservation attempts):
 * the verdict with every finding, the week grid of clinics, when each seat was taken, the answers second
 * by second, each step's latency and each student's tries. The page only lays this out.
 *
 * @param reasons every reason an answer can have, in the order the page stacks them
 */
public record ClinicReport(
        Run run,
        Verdict verdict,
        WeekGrid week,
        List<SeatTimeline> seats,
        AnswersOverTime answers,
        List<StepLatency> steps,
        List<StudentRow> students,
        List<Reason> reasons) {

    /** The run: how to repeat it, what it loaded, its other files. */
    public record Run(
            long seed,
            String repeatCommand,
            String target,
            Map<String, Object> options,
            double elapsedSeconds,
            int students,
            int loggedIn,
            int attempts,
            int reserved,
            double successRatePercent,
            Latency reservationLatencyMs,
            int correctRefusals,
            int technicalFailures) {}

    /**
     * Passed when every check the simulation asserts passed.
     *
     * @param headline what must be read first (nobody logged in); null when nothing is that urgent
     */
    public record Verdict(
            boolean passed,
            String headline,
            List<Check> checks,
            String auditProblem,
            List<FindingGroup> violations,
            List<FindingGroup> accepted,
            List<FindingGroup> warnings,
            List<RuleLine> rules,
            List<String> hints) {}

    /** How one business rule fared, as the console says it: {@code ✅ 노쇼 차단 …: 대상 1, 시도 3건 → …}. */
    public record RuleLine(String mark, String meaning, String summary, RuleCheck.Outcome outcome) {

        static RuleLine of(RuleCheck check) {
            return new RuleLine(check.mark(), check.rule().meaning(), check.summary(), check.outcome());
        }
    }

    /** One of the simulation's assertions, as the summary shows it. */
    public record Check(String label, boolean passed, String detail) {}

    /** Every finding of one kind, in full. */
    public record FindingGroup(Finding.Kind kind, String meaning, List<String> messages) {}

    /** What a clinic's seats came to at the end. */
    public enum ClinicState {
        FREE,
        FULL,
        OVER_CAPACITY,
        /** made by the setup, absent from the final schedule */
        NOT_VISIBLE
    }

    /**
     * One clinic of the week grid.
     *
     * @param id null for a clinic of data/clinics.csv that the final schedule did not show
     * @param taken seats held at the end: the larger of its roster and its current_count, as the audit counts
     */
    public record GridClinic(
            Long id,
            String day,
            String time,
            String room,
            String subject,
            String teacher,
            int capacity,
            int taken,
            ClinicState state) {}

    /** The clinics by day, time and room; the days and times are those the clinics have, in schedule order. */
    public record WeekGrid(List<Day> days, List<String> times, List<GridClinic> clinics) {}

    public record Day(String key, String name) {}

    /**
     * When each seat of a clinic was taken, from the ledger: the answers 200 to its reservations.
     *
     * @param capacity null when the final schedule did not show the clinic
     * @param takenAtMs after the reservations opened, one per seat, in order
     * @param filledAtMs when the last seat was taken; null while a seat was left
     * @param overCapacityAtMs when a seat beyond the capacity was taken; null when none was
     */
    public record SeatTimeline(
            long clinicId,
            String label,
            Integer capacity,
            List<Long> takenAtMs,
            Long filledAtMs,
            Long overCapacityAtMs) {}

    /**
     * The reservation answers second by second after the reservations opened (the first attempt sent).
     *
     * @param openedAtEpochMs when the first reservation attempt was sent; null when there was none
     * @param counts per reason that occurred, how many answers came in each second
     * @param latencyMs the percentiles of the answers that came in each second; null for a second without
     */
    public record AnswersOverTime(
            Long openedAtEpochMs, int seconds, Map<RejectionReason, List<Integer>> counts, List<Latency> latencyMs) {}

    public record StepLatency(StepName step, String label, int requests, int failed, Latency latencyMs) {}

    /**
     * One student: the tries, the seats won, the refusals by reason, and the clinics held at the end.
     *
     * @param trouble why the student did not reserve (login or schedule failed); null otherwise
     */
    public record StudentRow(
            String student,
            int tries,
            int reserved,
            Map<RejectionReason, Integer> refusals,
            List<Long> finalClinics,
            String trouble,
            List<Try> attempts) {}

    /**
     * One try, as a compact array in the page: clinic, reason, answered at (ms after opening), latency, and
     * how it was sent: {@code ""} (own click), {@code "second click"} or {@code "sent by test_student_07"}.
     */
    @JsonFormat(shape = JsonFormat.Shape.ARRAY)
    public record Try(long clinicId, RejectionReason reason, long atMs, long latencyMs, String how) {}

    public record Reason(RejectionReason reason, String meaning, boolean technical) {}

    private static final Pattern NUMBER_OR_TEXT = Pattern.compile("\\d+|\\D+");

    /**
     * Names with numbers in them by those numbers ({@code 2강의실} before {@code 10강의실}, {@code
     * test_student_999} before {@code test_student_1000}), then as text.
     */
    static final Comparator<String> NATURAL_ORDER = (left, right) -> {
        Matcher a = NUMBER_OR_TEXT.matcher(left);
        Matcher b = NUMBER_OR_TEXT.matcher(right);
        while (a.find() && b.find()) {
            String x = a.group();
            String y = b.group();
            boolean numbers = Character.isDigit(x.charAt(0)) && Character.isDigit(y.charAt(0));
            int order = numbers ? new BigInteger(x).compareTo(new BigInteger(y)) : x.compareTo(y);
            if (order != 0) {
                return order;
            }
        }
        return left.compareTo(right);
    };

    public static ClinicReport of(RunSummary summary, List<Attempt> attempts) {
        List<Attempt> inOrder = attempts.stream()
                .sorted(Comparator.comparingLong(Attempt::answeredAtMs))
                .toList();
        Long openedAt =
                inOrder.stream().map(Attempt::sentAtMs).min(Long::compare).orElse(null);
        long origin = openedAt == null ? 0 : openedAt;
        WeekGrid week = week(summary);
        return new ClinicReport(
                run(summary),
                ReportVerdicts.of(summary),
                week,
                ReportTimelines.seats(week, inOrder, origin),
                ReportTimelines.answers(inOrder, openedAt),
                summary.steps().stream()
                        .map(step -> new StepLatency(
                                step.name(), step.name().label(), step.requests(), step.failed(), step.latencyMs()))
                        .toList(),
                ReportStudents.of(summary, inOrder, origin),
                Arrays.stream(RejectionReason.values())
                        .map(reason -> new Reason(reason, reason.meaning(), reason.technical()))
                        .toList());
    }

    private static Run run(RunSummary summary) {
        Map<String, Object> options = summary.options();
        RunSummary.Reservations reservations = summary.reservations();
        int technical = reservations.technicalFailures();
        Object baseUrl = options.get("baseUrl");
        if (!(options.get("seed") instanceof Number seed)) {
            throw new IllegalArgumentException(
                    "the summary's options have no seed (" + options + "): not a summary this harness wrote");
        }
        return new Run(
                seed.longValue(),
                RepeatCommand.of(options),
                "embedded".equals(baseUrl) ? "내장 reference server (embedded)" : String.valueOf(baseUrl),
                options,
                summary.elapsedSeconds(),
                summary.students().total(),
                summary.students().loggedIn(),
                reservations.attempts(),
                reservations.reserved(),
                reservations.successRatePercent(),
                summary.latencyMs(),
                reservations.failed() - technical,
                technical);
    }

    /** The final clinics, and the clinics the setup made that the final schedule did not show. */
    private static WeekGrid week(RunSummary summary) {
        List<GridClinic> clinics = new ArrayList<>();
        for (FinalClinic clinic : summary.finalClinics()) {
            int taken = Math.max(clinic.students().size(), clinic.currentCount());
            ClinicState state = taken > clinic.capacity()
                    ? ClinicState.OVER_CAPACITY
                    : taken == clinic.capacity() ? ClinicState.FULL : ClinicState.FREE;
            clinics.add(new GridClinic(
                    clinic.id(),
                    clinic.day(),
                    clinic.time(),
                    clinic.room(),
                    clinic.subject(),
                    clinic.teacher(),
                    clinic.capacity(),
                    taken,
                    state));
        }
        for (ExpectedClinicSeen expected : summary.expectedClinics()) {
            if (Boolean.FALSE.equals(expected.visible())) {
                clinics.add(new GridClinic(
                        expected.id(),
                        expected.day(),
                        expected.time(),
                        expected.room(),
                        "",
                        "",
                        0,
                        0,
                        ClinicState.NOT_VISIBLE));
            }
        }
        Comparator<String> dayOrder = Comparator.comparing(
                        (String key) -> ClinicDay.find(key).map(Enum::ordinal).orElse(Integer.MAX_VALUE))
                .thenComparing(Function.identity());
        clinics.sort(Comparator.comparing(GridClinic::day, dayOrder)
                .thenComparing(GridClinic::time)
                .thenComparing(GridClinic::room, NATURAL_ORDER));
        List<Day> days = clinics.stream()
                .map(GridClinic::day)
                .distinct()
                .map(key -> new Day(
                        key, ClinicDay.find(key).map(ClinicDay::koreanName).orElse(key)))
                .toList();
        List<String> times =
                clinics.stream().map(GridClinic::time).distinct().sorted().toList();
        return new WeekGrid(days, times, clinics);
    }
}
