package clinic.detection;

import clinic.server.FaultMode;
import clinic.simulation.answers.RejectionReason;
import clinic.simulation.audit.Finding;
import clinic.simulation.audit.Finding.Kind;
import clinic.simulation.output.FinalClinic;
import clinic.simulation.output.RunSummary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a run against a server with one fault must show to count as a detection: the run fails, and the
 * check that exists for the fault names its symptom, cross-checked against the final schedule in
 * clinic-summary.json. Each fault's {@link #problems} is empty exactly when the run detected it.
 */
public enum FaultSymptom {
    OVERBOOK(FaultMode.OVERBOOK, "audit OVER_CAPACITY", FaultSymptom::overCapacity),
    LOST_WRITE(FaultMode.LOST_WRITE, "audit ACCEPTED_MISSING", FaultSymptom::acceptedMissing),
    PHANTOM(FaultMode.PHANTOM, "audit PHANTOM_RESERVATION", FaultSymptom::phantom),
    DOUBLE_CLICK(FaultMode.DOUBLE_CLICK, "audit DUPLICATE_STUDENT", FaultSymptom::duplicate),
    NO_SHOW_IGNORED(FaultMode.NO_SHOW_IGNORED, "audit NO_SHOW_NOT_BLOCKED", FaultSymptom::noShowNotBlocked),
    CLOSED_IGNORED(FaultMode.CLOSED_IGNORED, "audit CLOSED_CLINIC_BOOKED", FaultSymptom::closedClinicBooked),
    FOREIGN_BOOKING(
            FaultMode.FOREIGN_BOOKING,
            "audit FOREIGN_BOOKING (-DstrictSecurity=true)",
            FaultSymptom::foreignBooking,
            Map.of("strictSecurity", "true")),
    HIDDEN_CLINICS(FaultMode.HIDDEN_CLINICS, "audit CLINIC_NOT_VISIBLE", FaultSymptom::hiddenClinics),
    SERVER_ERRORS(FaultMode.SERVER_ERRORS, "audit TECHNICAL_FAILURES", FaultSymptom::serverErrors),
    SLOW(FaultMode.SLOW, "assertion Reserve p95 < p95Ms (only)", FaultSymptom::onlyP95);

    /** The rooms the production grid hides: the second clinic of each Monday time of the fixture. */
    static final Set<String> SECOND_ROOMS = Set.of("2강의실", "4강의실", "6강의실", "8강의실");

    private static final String CLINIC = "클리닉 (\\d+) \\(mon \\d\\d:\\d\\d [^)]+\\)";
    private static final String STUDENT = "(test_student_\\d+) \\(id \\d+\\)";
    private static final Pattern OVER_CAPACITY =
            Pattern.compile("^" + CLINIC + "에 정원 (\\d+)명보다 많은 (\\d+)명이 있습니다 \\(명단 (\\d+)명, current_count (\\d+)\\)");
    private static final Pattern ACCEPTED_MISSING =
            Pattern.compile("^" + STUDENT + " 학생의 " + CLINIC + " 예약은 200으로 성공했지만 최종 명단에 없습니다$");
    private static final String ANSWERS = "([A-Z_]+(?:, [A-Z_]+)*)";
    private static final Pattern PHANTOM_RESERVATION = Pattern.compile(
            "^" + STUDENT + " 학생이 " + CLINIC + " 명단에 있지만 부하 전에는 없었고 200으로 답한 예약도 없습니다 \\(받은 응답: " + ANSWERS + "\\)$");
    private static final Pattern DUPLICATE_STUDENT = Pattern.compile(
            "^" + CLINIC + " 명단에 " + STUDENT + " 학생이 (\\d+)번 있습니다 \\(이 클리닉에서 받은 응답: " + ANSWERS + "\\)$");
    private static final Pattern NO_SHOW_NOT_BLOCKED = Pattern.compile("^(test_student_\\d+) 학생은 노쇼 2회라 "
            + "거절\\(no_show_blocked\\)되어야 하는데 ([A-Z_ ×\\d,]+ 로 답했습니다)?(, 그리고 )?(최종 명단에 있습니다: (.+))?$");
    private static final Pattern CLOSED_CLINIC_BOOKED = Pattern.compile("^마감된 클리닉 (\\d+)은 "
            + "거절\\(reservation_closed\\)해야 하는데 ((RESERVED|OCCUPIED|ALREADY_RESERVED|NO_SHOW_BLOCKED) "
            + "×\\d+(, )?)+ 로 답했습니다$");
    private static final Pattern FOREIGN_REQUEST_TAKEN_UP = Pattern.compile("^(test_student_\\d+) 학생이 자기 토큰으로 "
            + "(test_student_\\d+) 학생의 예약을 요청했는데 \\(POST /clinics/reserve/ \\{\"user_id\": \\d+, \"clinic_id\": "
            + "\\d+\\}\\), 백엔드가 거절\\(403 forbidden\\)하지 않고 처리했습니다 \\(([A-Z_]+), HTTP \\d+\\)$");
    private static final Pattern CLINIC_NOT_VISIBLE =
            Pattern.compile("^설정이 만든 클리닉 \\(mon \\d\\d:\\d\\d ([^)]+)\\)이 최종 스케줄에 없습니다 \\(응답에 'clinics' 목록이 없고, "
                    + "요일·시간마다 클리닉 하나만 보여 주는 grid뿐이었습니다\\)$");
    private static final Pattern TECHNICAL_FAILURES =
            Pattern.compile("^예약 시도 (\\d+)건이 기술적으로 실패했습니다: SERVER_ERROR (\\d+)$");

    private final FaultMode fault;
    private final String detectingCheck;
    private final Function<RunSummary, List<String>> symptomProblems;
    private final Map<String, String> simulationOptions;

    FaultSymptom(FaultMode fault, String detectingCheck, Function<RunSummary, List<String>> symptomProblems) {
        this(fault, detectingCheck, symptomProblems, Map.of());
    }

    FaultSymptom(
            FaultMode fault,
            String detectingCheck,
            Function<RunSummary, List<String>> symptomProblems,
            Map<String, String> simulationOptions) {
        this.fault = fault;
        this.detectingCheck = detectingCheck;
        this.symptomProblems = symptomProblems;
        this.simulationOptions = simulationOptions;
    }

    /** Options beyond the defaults that make the fault fail the run ({@code -D} names and values). */
    public Map<String, String> simulationOptions() {
        return simulationOptions;
    }

    public FaultMode fault() {
        return fault;
    }

    /** The check of the simulation that catches the fault, as the detection table names it. */
    public String detectingCheck() {
        return detectingCheck;
    }

    public static FaultSymptom of(FaultMode fault) {
        for (FaultSymptom symptom : values()) {
            if (symptom.fault == fault) {
                return symptom;
            }
        }
        throw new IllegalArgumentException("no expected symptom for fault " + fault.flag());
    }

    /** Why the run does not count as a detection; empty when it does. */
    public List<String> problems(LoadTestRun run) {
        List<String> problems = new ArrayList<>();
        if (!run.assertionsFailed()) {
            problems.add("Gatling status " + run.gatlingStatus() + ", expected " + LoadTestRun.ASSERTIONS_FAILED
                    + " (assertions failed)");
        }
        RunSummary summary = run.summary();
        if (summary.students().loggedIn() != summary.students().total()) {
            problems.add("only " + summary.students().loggedIn() + " of "
                    + summary.students().total() + " students logged in: the load did not run as planned");
        }
        problems.addAll(symptomProblems.apply(summary));
        return problems;
    }

    /**
     * The audit ran and every violation it found is of {@code kind}: a fault should show as its own
     * symptom, and a violation of another kind would be the audit misreading a correct part of the state.
     */
    private static List<Finding> violationsOnlyOf(Kind kind, RunSummary summary, List<String> problems) {
        if (!summary.audit().ran()) {
            problems.add("the audit did not run");
            return List.of();
        }
        List<Finding> violations = summary.audit().violations();
        violations.stream()
                .filter(violation -> violation.kind() != kind)
                .forEach(violation -> problems.add("unexpected violation " + violation));
        List<Finding> ofKind = violations.stream()
                .filter(violation -> violation.kind() == kind)
                .toList();
        if (ofKind.isEmpty()) {
            problems.add("no " + kind + " violation (" + summary.brief() + ")");
        }
        return ofKind;
    }

    private static Optional<Matcher> matching(Pattern pattern, Finding violation, List<String> problems) {
        Matcher matcher = pattern.matcher(violation.message());
        if (matcher.find()) {
            return Optional.of(matcher);
        }
        problems.add("the message does not name the symptom as expected: " + violation);
        return Optional.empty();
    }

    private static Optional<FinalClinic> clinic(RunSummary summary, String id, List<String> problems) {
        Optional<FinalClinic> clinic = summary.finalClinics().stream()
                .filter(candidate -> candidate.id() == Long.parseLong(id))
                .findFirst();
        if (clinic.isEmpty()) {
            problems.add("clinic " + id + " named by the audit is not in the final schedule of the summary");
        }
        return clinic;
    }

    private static List<String> overCapacity(RunSummary summary) {
        List<String> problems = new ArrayList<>();
        for (Finding violation : violationsOnlyOf(Kind.OVER_CAPACITY, summary, problems)) {
            matching(OVER_CAPACITY, violation, problems).ifPresent(match -> {
                int capacity = Integer.parseInt(match.group(2));
                int held = Integer.parseInt(match.group(3));
                if (held <= capacity) {
                    problems.add("the count named is not over capacity: " + violation);
                }
                clinic(summary, match.group(1), problems).ifPresent(clinic -> {
                    if (clinic.students().size() != Integer.parseInt(match.group(4)) || clinic.capacity() != capacity) {
                        problems.add("the final roster of clinic " + clinic.id() + " has "
                                + clinic.students().size() + " students for " + clinic.capacity()
                                + " seats, the audit said: " + violation);
                    }
                });
            });
        }
        return problems;
    }

    /** A lost write is missing from the roster it was accepted into. */
    private static List<String> acceptedMissing(RunSummary summary) {
        return studentsNamed(Kind.ACCEPTED_MISSING, ACCEPTED_MISSING, false, summary);
    }

    /** A phantom is in a roster whose reservation was refused as occupied (the fault's lie), never accepted. */
    private static List<String> phantom(RunSummary summary) {
        List<String> problems = studentsNamed(Kind.PHANTOM_RESERVATION, PHANTOM_RESERVATION, true, summary);
        answersOf(Kind.PHANTOM_RESERVATION, PHANTOM_RESERVATION, 3, summary).forEach((violation, answers) -> {
            if (!answers.contains("OCCUPIED") || answers.contains("RESERVED")) {
                problems.add(
                        "a phantom is a seat whose reservation was answered occupied, the audit said: " + violation);
            }
        });
        return problems;
    }

    /** The answers a violation's message lists (group {@code group} of {@code pattern}), by violation. */
    private static Map<Finding, List<String>> answersOf(Kind kind, Pattern pattern, int group, RunSummary summary) {
        Map<Finding, List<String>> answers = new LinkedHashMap<>();
        summary.audit().violations().stream()
                .filter(violation -> violation.kind() == kind)
                .forEach(violation -> {
                    Matcher matcher = pattern.matcher(violation.message());
                    if (matcher.find()) {
                        answers.put(violation, List.of(matcher.group(group).split(", ")));
                    }
                });
        return answers;
    }

    /**
     * Violations of {@code kind} whose message ({@code pattern}: group 1 the student, group 2 the clinic)
     * must agree with the final roster: the student is in it or not, as {@code inRoster} says.
     */
    private static List<String> studentsNamed(Kind kind, Pattern pattern, boolean inRoster, RunSummary summary) {
        List<String> problems = new ArrayList<>();
        for (Finding violation : violationsOnlyOf(kind, summary, problems)) {
            matching(pattern, violation, problems)
                    .ifPresent(match -> clinic(summary, match.group(2), problems)
                            .ifPresent(clinic -> {
                                if (clinic.students().contains(match.group(1)) != inRoster) {
                                    problems.add(match.group(1) + (inRoster ? " is not" : " is")
                                            + " in the final roster of " + "clinic " + clinic.id()
                                            + " although the audit said: " + violation);
                                }
                            }));
        }
        return problems;
    }

    private static List<String> duplicate(RunSummary summary) {
        List<String> problems = new ArrayList<>();
        for (Finding violation : violationsOnlyOf(Kind.DUPLICATE_STUDENT, summary, problems)) {
            matching(DUPLICATE_STUDENT, violation, problems)
                    .ifPresent(match -> clinic(summary, match.group(1), problems)
                            .ifPresent(clinic -> {
                                long listed = clinic.students().stream()
                                        .filter(match.group(2)::equals)
                                        .count();
                                if (listed < 2 || listed != Long.parseLong(match.group(3))) {
                                    problems.add("the final roster of clinic " + clinic.id() + " lists "
                                            + match.group(2) + " " + listed + " times, the audit said: " + violation);
                                }
                            }));
        }
        answersOf(Kind.DUPLICATE_STUDENT, DUPLICATE_STUDENT, 4, summary).forEach((violation, answers) -> {
            if (answers.stream().filter("RESERVED"::equals).count() < 2) {
                problems.add("a double click's duplicate is two seats both answered 200, the audit said: " + violation);
            }
        });
        return problems;
    }

    private static List<String> hiddenClinics(RunSummary summary) {
        List<String> problems = new ArrayList<>();
        Set<String> rooms = new TreeSet<>();
        for (Finding violation : violationsOnlyOf(Kind.CLINIC_NOT_VISIBLE, summary, problems)) {
            matching(CLINIC_NOT_VISIBLE, violation, problems).ifPresent(match -> rooms.add(match.group(1)));
        }
        if (!rooms.equals(new TreeSet<>(SECOND_ROOMS))) {
            problems.add("the clinics named as not visible are in rooms " + rooms + ", expected the grid's hidden "
                    + new TreeSet<>(SECOND_ROOMS));
        }
        return problems;
    }

    /**
     * Server-errors answers 500 to the 1st, 5th, 9th... reservation request that passed the forbidden
     * check (the probes for another student do not): every one must be counted.
     */
    private static List<String> serverErrors(RunSummary summary) {
        List<String> problems = new ArrayList<>();
        int counted = summary.reservations().attempts()
                - summary.reservations().byReason().getOrDefault(RejectionReason.FORBIDDEN, 0);
        int injected = (counted + FaultMode.EVERY_NTH - 1) / FaultMode.EVERY_NTH;
        for (Finding violation : violationsOnlyOf(Kind.TECHNICAL_FAILURES, summary, problems)) {
            matching(TECHNICAL_FAILURES, violation, problems).ifPresent(match -> {
                if (Integer.parseInt(match.group(1)) != injected || Integer.parseInt(match.group(2)) != injected) {
                    problems.add("the server answered 500 to " + injected + " of " + counted
                            + " reservation requests it took up, the audit said: "
                            + violation);
                }
            });
        }
        return problems;
    }

    /**
     * The blocked student (the last of the fixture's, with two no-shows) was answered past the no-show
     * check; when the audit says it holds a seat, the final rosters agree.
     */
    private static List<String> noShowNotBlocked(RunSummary summary) {
        List<String> problems = new ArrayList<>();
        String blocked = lastStudent(summary);
        for (Finding violation : violationsOnlyOf(Kind.NO_SHOW_NOT_BLOCKED, summary, problems)) {
            matching(NO_SHOW_NOT_BLOCKED, violation, problems).ifPresent(match -> {
                if (!match.group(1).equals(blocked)) {
                    problems.add("the audit named " + match.group(1) + ", the blocked student is " + blocked);
                }
                boolean seated = summary.finalClinics().stream()
                        .anyMatch(clinic -> clinic.students().contains(blocked));
                if (seated != (match.group(4) != null)) {
                    problems.add(blocked + (seated ? " is" : " is not") + " in a final roster, the audit said: "
                            + violation);
                }
            });
        }
        return problems;
    }

    /** The closed clinic (not in the schedule) was answered past the closed check. */
    private static List<String> closedClinicBooked(RunSummary summary) {
        List<String> problems = new ArrayList<>();
        for (Finding violation : violationsOnlyOf(Kind.CLOSED_CLINIC_BOOKED, summary, problems)) {
            matching(CLOSED_CLINIC_BOOKED, violation, problems)
                    .filter(match -> summary.finalClinics().stream()
                            .anyMatch(clinic -> clinic.id() == Long.parseLong(match.group(1))))
                    .ifPresent(match -> problems.add(
                            "clinic " + match.group(1) + " named as closed is in the final schedule: " + violation));
        }
        return problems;
    }

    /** Under strictSecurity a request for another student that the backend took up fails the run. */
    private static List<String> foreignBooking(RunSummary summary) {
        List<String> problems = new ArrayList<>();
        for (Finding violation : violationsOnlyOf(Kind.FOREIGN_BOOKING, summary, problems)) {
            matching(FOREIGN_REQUEST_TAKEN_UP, violation, problems)
                    .filter(match -> match.group(1).equals(match.group(2)))
                    .ifPresent(match -> problems.add("a student's own request is named foreign: " + violation));
        }
        return problems;
    }

    /** The fixture's last student, the one it gives two no-shows. */
    private static String lastStudent(RunSummary summary) {
        return String.format("test_student_%02d", summary.students().total());
    }

    /**
     * Slow must fail the p95 assertion and nothing else. The other assertions are no failed Login, no
     * failed Schedule, no failed Audit and one audit: all logins fine (checked for every fault), every
     * schedule read, and an audit that ran and passed leave the p95 bound as the one that failed, which
     * the measured p95 must confirm.
     */
    private static List<String> onlyP95(RunSummary summary) {
        List<String> problems = new ArrayList<>();
        if (!summary.audit().ran()
                || !summary.audit().passed()
                || !summary.audit().violations().isEmpty()) {
            problems.add("the audit should pass on a slow but correct server: " + summary.brief());
        }
        if (!summary.students().scheduleFailures().isEmpty()) {
            problems.add("schedule reads failed for " + summary.students().scheduleFailures());
        }
        if (summary.latencyMs().p95() < p95Bound(summary)) {
            problems.add("reservation p95 " + summary.latencyMs().p95() + " ms is below the bound " + p95Bound(summary)
                    + " ms");
        }
        return problems;
    }

    /** The p95 bound the run was judged by (its {@code p95Ms} option). */
    private static long p95Bound(RunSummary summary) {
        return ((Number) summary.options().get("p95Ms")).longValue();
    }
}
