package clinic.simulation.output;

import clinic.contract.ClinicDay;
import clinic.simulation.answers.SimulationJson;
import clinic.simulation.audit.AcceptedFindings;
import clinic.simulation.audit.FinalStateAudit;
import clinic.simulation.audit.RunLedger;
import clinic.simulation.backend.PreparedTarget;
import clinic.simulation.options.InjectorShard;
import clinic.simulation.options.RunOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a run leaves behind, written after the load: the console summary, and beside Gatling's report
 * clinic-summary.json, clinic_test.log and the reservation attempts, the files the add-ons read.
 */
public final class RunOutputs {

    /** The console lines of the run (plain, at INFO whatever the other loggers say: see logback-test.xml). */
    public static final Logger CONSOLE = LoggerFactory.getLogger("clinic.simulation.Summary");

    static final String TEST_LOG_FILE = "clinic_test.log";
    static final String SERVER_LOG_FILE = "embedded-server.log";
    /**
     * Set by the pom on the JVM the Gatling plugin forks: there a run that cannot start ends the JVM
     * itself, so that its reason is all the user reads instead of Gatling's and the plugin's stack traces.
     * Elsewhere (tests, Gatling Enterprise) the failure is thrown as usual.
     */
    static final String LAUNCHED_BY_MAVEN = "clinic.launchedByMaven";
    /** The exit status of a run that could not start, as Gatling's own for a crashed run. */
    static final int COULD_NOT_START = 1;

    private RunOutputs() {}

    /** The first lines of a run: what is loaded, where, with which seed; warnings about the target. */
    public static void announce(RunOptions options, PreparedTarget target) {
        CONSOLE.info(
                "🚀 클리닉 예약 부하 테스트: {} 학생, {} ({}), 대상 {}, seed {}{}",
                options.students(),
                ClinicDay.koreanNames(options.week().days()),
                options.load().shape().optionValue(),
                target.baseUrl(),
                options.seed(),
                options.seedGiven() ? "" : " (임의 생성: -Dseed=" + options.seed() + " 로 반복)");
        InjectorShard shard = options.injectors().shard();
        if (!shard.alone()) {
            CONSOLE.info(
                    "🧩 인젝터 {}/{}: 학생 {}명 (전체 {}명 중 {}번부터 {}명마다 한 명)",
                    shard.index(),
                    shard.count(),
                    options.studentsHere(),
                    options.students(),
                    shard.index(),
                    shard.count());
        }
        if (options.injectors().openAt() != null) {
            CONSOLE.info(
                    "🔔 예약 오픈: {} ({}초 후), 로그인과 스케줄 조회를 마친 학생들이 이 순간 함께 예약을 시작합니다",
                    options.injectors().openAt(),
                    Math.max(
                            0,
                            Duration.between(Instant.now(), options.injectors().openAt())
                                    .toSeconds()));
        } else if (!shard.alone()) {
            CONSOLE.warn("⚠️  -DopenAt 없이는 인젝터마다 따로 엽니다: 모든 인젝터에 같은 -DopenAt=<시각> 을 주세요");
        }
        if (target.host() != null && !target.host().thisMachine()) {
            CONSOLE.warn(
                    "⚠️  외부 대상 {} 에 부하를 보냅니다 (-DconfirmTarget 으로 확인됨)",
                    target.host().describe());
        }
        if (target.seatsHeldBefore() > 0) {
            CONSOLE.warn(
                    "⚠️  부하 전에 이미 이 실행의 학생들이 {} 자리를 예약해 두었습니다 (이전 실행?): 새 예약 대신 "
                            + "ALREADY_RESERVED 가 나올 수 있습니다. 깨끗한 측정을 원하면 클리닉을 초기화하세요.",
                    target.seatsHeldBefore());
        }
    }

    /**
     * A step before the load; when it fails, its reason is printed once, on its own lines, and the run
     * stops (under Maven by ending the JVM, see {@link #LAUNCHED_BY_MAVEN}).
     */
    public static <T> T beforeTheLoad(Supplier<T> step) {
        try {
            return step.get();
        } catch (RuntimeException e) {
            CONSOLE.error("\n{}\n", e.getMessage());
            if (Boolean.getBoolean(LAUNCHED_BY_MAVEN)) {
                System.exit(COULD_NOT_START);
            }
            throw e;
        }
    }

    /**
     * @param audit what the audit concluded; null when it could not read the final state
     * @param target the backend: the clinics its setup made, which the final schedule must show, and the
     *     embedded server's log, which goes to the run folder too
     */
    public static Path write(
            RunOptions options, RunLedger ledger, FinalStateAudit.Result audit, PreparedTarget target) {
        Instant end = ledger.loadEnded() != null ? ledger.loadEnded() : Instant.now();
        Duration elapsed = ledger.loadStarted() == null ? Duration.ZERO : Duration.between(ledger.loadStarted(), end);
        RunSummary summary = RunSummary.of(
                        options,
                        ledger,
                        elapsed,
                        options.studentsHere(),
                        audit,
                        "the audit could not read the final schedule (see the Audit group in the report)")
                .withExpectedClinics(target.expectedClinics(), audit == null ? null : audit.finalSchedule());
        CONSOLE.info("\n{}", ConsoleSummary.render(summary));
        Path folder = RunFolder.locate(Path.of(options.resultsFolder()));
        write(folder.resolve(RunSummary.FILE), SimulationJson.write(summary));
        write(folder.resolve(TEST_LOG_FILE), ClinicTestLog.render(ledger, summary, options));
        target.serverLog().ifPresent(log -> copy(log, folder.resolve(SERVER_LOG_FILE)));
        AttemptsFile.write(folder.resolve(AttemptsFile.FILE), ledger.attempts());
        writeAcceptedFindings(options.criteria().writeAcceptedFindings(), summary.audit(), folder);
        CONSOLE.info("📁 {}, {}, {}: {}", RunSummary.FILE, TEST_LOG_FILE, AttemptsFile.FILE, folder.toAbsolutePath());
        return folder;
    }

    /** The run's findings, as a baseline later runs accept ({@code -DwriteAcceptedFindings}). */
    private static void writeAcceptedFindings(Path file, RunSummary.Audit audit, Path folder) {
        if (file == null) {
            return;
        }
        if (!audit.ran()) {
            CONSOLE.warn("⚠️  감사가 실행되지 않아 {} 에 받아들인 발견을 기록하지 않았습니다", file);
            return;
        }
        int written = AcceptedFindings.write(
                file, audit.findings(), "받아들임 " + LocalDate.now() + " (실행 " + folder.getFileName() + ")");
        CONSOLE.info(
                "📝 발견 {}건을 받아들인 것으로 기록했습니다: {} (다음 실행에서 -DacceptedFindings={})", written, file.toAbsolutePath(), file);
    }

    private static void copy(Path from, Path to) {
        try {
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + from + " to " + to, e);
        }
    }

    private static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
