package clinic.simulation.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import clinic.simulation.capacity.SearchResult.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class SearchPlanTest {

    /** Runs the plan against a backend that holds up to {@code knee} students; returns the counts tried. */
    private static List<Integer> search(SearchPlan plan, int knee) {
        List<Integer> tried = new ArrayList<>();
        for (OptionalInt next = plan.next(); next.isPresent(); next = plan.next()) {
            int students = next.getAsInt();
            assertThat(tried).as("a count is tried once").doesNotContain(students);
            assertThat(tried.size()).as("the search ends").isLessThan(100);
            tried.add(students);
            plan.record(students, students <= knee);
        }
        return tried;
    }

    @Test
    void climbsStairsThenBisectsBetweenTheLastGoodAndTheFirstBadStep() {
        SearchPlan plan = new SearchPlan(new SearchOptions(20, 1000, 2.0, 0.05, 30, 0));

        List<Integer> tried = search(plan, 340);

        assertThat(tried).startsWith(20, 40, 80, 160, 320, 640).contains(480, 400, 360);
        assertThat(plan.outcome(false)).isEqualTo(Outcome.FOUND);
        assertThat(plan.held()).isLessThanOrEqualTo(340).isGreaterThanOrEqualTo((int) (340 * 0.95));
        assertThat(plan.broke()).isGreaterThan(340);
    }

    @Test
    void everyKneeIsFoundWithinTheResolution() {
        for (double resolution : new double[] {0.01, 0.05, 0.2}) {
            for (double growth : new double[] {1.5, 2.0, 4.0}) {
                for (int knee = 1; knee < 600; knee += 7) {
                    SearchPlan plan = new SearchPlan(new SearchOptions(10, 600, growth, resolution, 30, 0));

                    search(plan, knee);

                    String described = "knee %d, growth %s, resolution %s".formatted(knee, growth, resolution);
                    assertThat(plan.outcome(false)).as(described).isEqualTo(Outcome.FOUND);
                    assertThat(plan.held()).as(described).isLessThanOrEqualTo(knee);
                    assertThat(plan.broke()).as(described).isGreaterThan(knee);
                    assertThat(plan.broke() - plan.held()).as(described).isLessThanOrEqualTo(Math.max(1, (int)
                            (resolution * plan.held())));
                }
            }
        }
    }

    @Test
    void stopsAtTheBoundWhenEveryStepHolds() {
        SearchPlan plan = new SearchPlan(new SearchOptions(20, 100, 2.0, 0.05, 30, 0));

        List<Integer> tried = search(plan, 5000);

        assertThat(tried).containsExactly(20, 40, 80, 100);
        assertThat(plan.outcome(false)).isEqualTo(Outcome.BOUND_REACHED);
        assertThat(plan.held()).isEqualTo(100);
    }

    @Test
    void goesBelowTheStartWhenTheFirstStepBreaks() {
        SearchPlan plan = new SearchPlan(new SearchOptions(20, 100, 2.0, 0.05, 30, 0));

        List<Integer> tried = search(plan, 6);

        assertThat(tried).startsWith(20, 10, 5);
        assertThat(plan.outcome(false)).isEqualTo(Outcome.FOUND);
        assertThat(plan.held()).isEqualTo(6);
        assertThat(plan.broke()).isEqualTo(7);
    }

    @Test
    void saysWhenNoStepHeld() {
        SearchPlan plan = new SearchPlan(new SearchOptions(20, 100, 2.0, 0.05, 30, 0));

        search(plan, 0);

        assertThat(plan.outcome(false)).isEqualTo(Outcome.NONE_HELD);
        assertThat(plan.broke()).isEqualTo(1);
    }

    @Test
    void aSearchCutShortSaysSo() {
        SearchPlan plan = new SearchPlan(new SearchOptions(20, 1000, 2.0, 0.05, 30, 0));
        plan.record(20, true);
        plan.record(40, false);

        assertThat(plan.outcome(true)).isEqualTo(Outcome.TIME_BOUND);
    }
}
