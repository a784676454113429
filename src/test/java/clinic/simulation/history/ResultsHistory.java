package clinic.simulation.history;

import clinic.simulation.capacity.SearchResult;
import clinic.simulation.compare.Comparison;
import clinic.simulation.compare.RunSet;
import clinic.simulation.launch.FreshWeeks;
import clinic.simulation.output.RunOutputs;
import clinic.simulation.output.RunSummary;
import clinic.simulation.report.ReportPage;
import clinic.simulation.report.ReportVerdicts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * results/index.html: every run, set of repeated runs and capacity search in the results folder, newest
 * first, each with its verdict and a link to its report. Rebuilt from the folders themselves each time one
 * of them ends, so it never holds anything the folders do not; it opens from disk with nothing fetched.
 */
public final class ResultsHistory {

    public static final String PAGE = "index.html";

    private static final Logger LOG = LoggerFactory.getLogger(ResultsHistory.class);
    private static final DateTimeFormatter SHOWN_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private ResultsHistory() {}

    /**
     * The page's data.
     *
     * @param rows newest first
     */
    public record History(String folder, String writtenAt, List<Row> rows) {}

    /**
     * One run, set or search.
     *
     * @param kind {@code 실행}, {@code 세트} or {@code 부하 한계 측정}
     * @param passed whether its verdict passed; null when it has none (a set not compared and without runs)
     * @param p95Ms the reservation p95 (a set's: the median of its runs'); null when it has none
     * @param reserved the reserved seats (a set's: the median of its runs'); null when it has none
     * @param links the reports, each relative to the results folder
     */
    public record Row(
            String time,
            String kind,
            String label,
            String target,
            Integer students,
            Boolean passed,
            String verdict,
            Long p95Ms,
            Integer reserved,
            String audit,
            List<Link> links) {}

    public record Link(String text, String href) {}

    /**
     * Rebuilds {@code results}/index.html and gives its address on the console; a run of a series leaves it
     * to its series. A folder that cannot be read is left out with a warning: the history never fails a run.
     */
    public static void publish(Path results) {
        if (FreshWeeks.inASeries()) {
            return;
        }
        Path page = results.resolve(PAGE);
        try {
            Files.writeString(page, ReportPage.inline("results-index", of(results)), StandardCharsets.UTF_8);
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("⚠️  실행 기록을 쓸 수 없습니다: {}: {}", page, e.getMessage());
            return;
        }
        RunOutputs.CONSOLE.info("🗂️ 실행 기록: {}", page.toAbsolutePath().toUri());
    }

    /** What the page shows of {@code results}. */
    public static History of(Path results) {
        List<Dated> rows = new ArrayList<>();
        try (Stream<Path> folders = Files.list(results)) {
            for (Path folder : folders.filter(Files::isDirectory).sorted().toList()) {
                try {
                    row(results, folder).ifPresent(rows::add);
                } catch (RuntimeException e) {
                    LOG.warn("⚠️  실행 기록에서 뺍니다: {}: {}", folder, e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + results, e);
        }
        return new History(
                results.toAbsolutePath().toString(),
                SHOWN_TIME.format(Instant.now()),
                rows.stream()
                        .sorted(Comparator.comparing(Dated::at).reversed())
                        .map(Dated::row)
                        .toList());
    }

    private record Dated(Instant at, Row row) {}

    private static Optional<Dated> row(Path results, Path folder) {
        if (RunSet.isSet(folder)) {
            return Optional.of(set(results, folder));
        }
        if (Files.isRegularFile(folder.resolve(RunSummary.FILE))) {
            return Optional.of(run(results, folder));
        }
        if (Files.isRegularFile(folder.resolve(SearchResult.FILE))) {
            return Optional.of(search(results, folder));
        }
        return Optional.empty();
    }

    private static Dated run(Path results, Path folder) {
        RunSummary summary = RunSummary.read(folder.resolve(RunSummary.FILE));
        Instant at = summary.opening().auditedAt() != null
                ? Instant.parse(summary.opening().auditedAt())
                : modified(folder.resolve(RunSummary.FILE));
        boolean passed = ReportVerdicts.of(summary).passed();
        List<Link> links = new ArrayList<>();
        link(results, folder.resolve(ReportPage.FILE), "클리닉 보고서").ifPresent(links::add);
        link(results, folder.resolve("index.html"), "Gatling").ifPresent(links::add);
        return new Dated(
                at,
                new Row(
                        SHOWN_TIME.format(at),
                        "실행",
                        folder.getFileName().toString(),
                        target(summary),
                        summary.students().total(),
                        passed,
                        passed ? "통과" : "실패",
                        summary.latencyMs().p95(),
                        summary.reservations().reserved(),
                        audit(summary),
                        links));
    }

    private static Dated set(Path results, Path folder) {
        RunSet set = RunSet.read(folder);
        List<RunSummary> summaries = set.runs().stream()
                .map(RunSet.Run::runFolder)
                .filter(Objects::nonNull)
                .map(run -> RunSummary.read(folder.resolve(run).resolve(RunSummary.FILE)))
                .toList();
        List<Link> links = new ArrayList<>();
        Path comparison = folder.resolve(Comparison.FILE);
        Boolean passed;
        String verdict;
        if (Files.isRegularFile(comparison)) {
            Comparison compared = Comparison.read(comparison);
            passed = compared.gate().passed();
            verdict = "비교 " + (passed ? "통과" : "실패") + " (기준 "
                    + compared.baseline().label() + ")";
            link(results, folder.resolve(Comparison.PAGE), "비교 보고서").ifPresent(links::add);
        } else {
            long clean = set.runs().stream().filter(run -> run.exitCode() == 0).count();
            passed = clean == set.runs().size();
            verdict = clean + "/" + set.runs().size() + " 통과";
        }
        for (RunSet.Run run : set.runs()) {
            if (run.runFolder() != null) {
                link(results, folder.resolve(run.runFolder()).resolve(ReportPage.FILE), "실행 " + run.number())
                        .ifPresent(links::add);
            }
        }
        long audited = summaries.stream()
                .filter(summary -> summary.audit().ran() && summary.audit().passed())
                .count();
        Instant at = Instant.parse(set.createdAt());
        return new Dated(
                at,
                new Row(
                        SHOWN_TIME.format(at),
                        "세트 " + set.runs().size() + "회",
                        set.label(),
                        set.target(),
                        set.students(),
                        passed,
                        verdict,
                        summaries.isEmpty()
                                ? null
                                : median(summaries.stream()
                                        .map(summary -> summary.latencyMs().p95())
                                        .toList()),
                        summaries.isEmpty()
                                ? null
                                : (int) median(summaries.stream()
                                        .map(summary ->
                                                (long) summary.reservations().reserved())
                                        .toList()),
                        audited + "/" + set.runs().size() + " 통과",
                        links));
    }

    private static Dated search(Path results, Path folder) {
        SearchResult search = SearchResult.read(folder.resolve(SearchResult.FILE));
        Instant at = modified(folder.resolve(SearchResult.FILE));
        boolean found = search.outcome() == SearchResult.Outcome.FOUND
                || search.outcome() == SearchResult.Outcome.BOUND_REACHED;
        List<Link> links = new ArrayList<>();
        link(results, folder.resolve(SearchResult.PAGE), "부하 한계 측정 보고서").ifPresent(links::add);
        return new Dated(
                at,
                new Row(
                        SHOWN_TIME.format(at),
                        "부하 한계 측정",
                        folder.getFileName().toString(),
                        String.valueOf(search.options().get("baseUrl")),
                        search.limit(),
                        found,
                        search.answer(),
                        null,
                        null,
                        "-",
                        links));
    }

    private static String target(RunSummary summary) {
        return String.valueOf(summary.options().get("baseUrl"));
    }

    private static String audit(RunSummary summary) {
        RunSummary.Audit audit = summary.audit();
        if (!audit.ran()) {
            return "실행 안 됨";
        }
        return audit.passed() ? "통과" : "실패 (위반 " + audit.violations().size() + "건)";
    }

    private static Optional<Link> link(Path results, Path file, String text) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        String href = results.toAbsolutePath()
                .normalize()
                .relativize(file.toAbsolutePath().normalize())
                .toString();
        return Optional.of(new Link(text, href));
    }

    /** The median, rounded to a whole number. */
    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1
                ? sorted.get(middle)
                : Math.round((sorted.get(middle - 1) + sorted.get(middle)) / 2.0);
    }

    private static Instant modified(Path file) {
        try {
            FileTime time = Files.getLastModifiedTime(file);
            return time.toInstant();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the time of " + file, e);
        }
    }
}
