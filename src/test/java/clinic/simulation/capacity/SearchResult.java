package clinic.simulation.capacity;

import clinic.simulation.answers.SimulationJson;
import clinic.simulation.options.Option;
import clinic.simulation.options.RunOptions;
import clinic.simulation.report.ReportPage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the capacity search found: capacity-search.json, the console's answer and the page's data.
 *
 * @param options the search's options as a run describes them, with the search's own bounds
 * @param limit the most students that held the service level; 0 when none did
 * @param firstBroken the fewest students that broke it; 0 when none did
 * @param answer the answer in the original tool's style, e.g. {@code 🏁 최대 동시 사용자 수: 340명 (...)}
 * @param standing what the backend showed with its fewest students, which no step failed on
 * @param stepsFolder where the steps' runs are, relative to this file's folder (each step's report is
 *     relative to it)
 */
public record SearchResult(
        Map<String, Object> options,
        int p95Ms,
        double resolution,
        int maxStudents,
        Outcome outcome,
        int limit,
        int firstBroken,
        String answer,
        StandingFindings standing,
        List<SearchStep> steps,
        double elapsedSeconds,
        String stepsFolder) {

    /** How the search ended. */
    public enum Outcome {
        /** A step held and the next one up broke, within the resolution. */
        FOUND,
        /** Every step up to {@code searchMaxStudents} held: the limit is higher. */
        BOUND_REACHED,
        /** Even the smallest number tried broke the service level. */
        NONE_HELD,
        /** {@code searchMaxMinutes} ran out before the search could end. */
        TIME_BOUND
    }

    public static final String FILE = "capacity-search.json";
    public static final String PAGE = "capacity-search.html";

    static SearchResult of(
            RunOptions options,
            SearchOptions search,
            SearchPlan plan,
            Outcome outcome,
            StandingFindings standing,
            List<SearchStep> steps,
            Duration elapsed) {
        Map<String, Object> described = new LinkedHashMap<>(options.describe());
        described.remove(Option.STUDENTS.key());
        described.putAll(search.describe());
        return new SearchResult(
                described,
                options.criteria().p95Ms(),
                search.resolution(),
                search.maxStudents(),
                outcome,
                plan.held(),
                plan.broke(),
                answer(outcome, plan.held(), plan.broke(), steps, options, search),
                standing,
                List.copyOf(steps),
                Math.round(elapsed.toMillis() / 100.0) / 10.0,
                null);
    }

    /** The seed's style: the number first, then the service level it held, then how the search ended. */
    private static String answer(
            Outcome outcome, int held, int broke, List<SearchStep> steps, RunOptions options, SearchOptions search) {
        String level = "p95 ≤ " + options.criteria().p95Ms() + " ms, 오류 0, 감사 통과";
        String breach = steps.stream()
                .filter(step -> step.students() == broke && !step.held())
                .reduce((first, second) -> second)
                .map(step -> broke + "명에서 " + step.verdict())
                .orElse("");
        return switch (outcome) {
            case FOUND -> "🏁 최대 동시 사용자 수: " + held + "명 (" + level + "; " + breach + ")";
            case BOUND_REACHED ->
                "🏁 최대 동시 사용자 수: " + held + "명 이상 (" + level + "; searchMaxStudents=" + search.maxStudents()
                        + " 에서 멈췄습니다: 한계는 더 위에 있습니다)";
            case NONE_HELD -> "🏁 최대 동시 사용자 수: 없음 (" + breach + ": 가장 작은 단계도 " + level + " 을 지키지 못했습니다)";
            case TIME_BOUND ->
                "🏁 최대 동시 사용자 수: " + (held == 0 ? "알 수 없음" : held + "명 이상")
                        + (broke == 0 ? "" : ", " + broke + "명 미만") + " (searchMaxMinutes="
                        + search.maxMinutes() + " 안에 좁히지 못했습니다" + (breach.isEmpty() ? "" : "; " + breach)
                        + ")";
        };
    }

    /** The same result, its steps' runs now in {@code stepsFolder} (relative to the result's folder). */
    public SearchResult withStepsFolder(String folder) {
        return new SearchResult(
                options,
                p95Ms,
                resolution,
                maxStudents,
                outcome,
                limit,
                firstBroken,
                answer,
                standing,
                steps,
                elapsedSeconds,
                folder);
    }

    /** capacity-search.json and capacity-search.html in {@code folder}; returns the page. */
    public Path write(Path folder) {
        return ReportPage.writeWithData(folder, FILE, PAGE, "capacity-search", this);
    }

    public static SearchResult read(Path file) {
        try {
            return SimulationJson.MAPPER.readValue(file.toFile(), SearchResult.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
