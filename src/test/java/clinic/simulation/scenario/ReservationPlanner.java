package clinic.simulation.scenario;

import clinic.simulation.options.SimulationOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Which clinics a student tries, in which order, with which pauses: N distinct clinics, N uniform in
 * [min(minReservations, cap), cap] with cap = min(maxReservations, visible clinics), a uniform pause
 * before every try but the first. The first try of every student is the run's <em>opening rush</em>
 * clinic, drawn once from the seed; the others are random among the rest. Each student's random stream
 * comes from the seed and the student's index alone, so a run repeats exactly whatever the timing.
 *
 * <p>Why the rush: with every choice random, the demand for a clinic is left to chance, and about one
 * seed in ten thousand (10 of 100,000 with 20 students, 8 clinics, 1–5 tries) plans no clinic wanted by
 * more students than it has seats, so the race for the last seat that the test exists to create never
 * happens and an overbooking backend passes (seed 93 did). With the rush, every student asks for the same
 * clinic at the same instant right after the rendezvous: more students than seats, all together, in every run.
 */
public final class ReservationPlanner {

    /** Spreads consecutive student indexes over the seed space (the 64-bit golden ratio). */
    private static final long INDEX_STRIDE = 0x9E3779B97F4A7C15L;

    /** One try: wait {@code pauseBefore}, then reserve {@code clinicId}. */
    public record PlannedAttempt(long clinicId, Duration pauseBefore) {}

    private final long seed;
    private final int minReservations;
    private final int maxReservations;
    private final double pauseMinSeconds;
    private final double pauseMaxSeconds;

    public ReservationPlanner(
            long seed, int minReservations, int maxReservations, double pauseMinSeconds, double pauseMaxSeconds) {
        this.seed = seed;
        this.minReservations = minReservations;
        this.maxReservations = maxReservations;
        this.pauseMinSeconds = pauseMinSeconds;
        this.pauseMaxSeconds = pauseMaxSeconds;
    }

    public static ReservationPlanner from(SimulationOptions options) {
        return new ReservationPlanner(
                options.seed(),
                options.minReservations(),
                options.maxReservations(),
                options.pauseMin(),
                options.pauseMax());
    }

    /** @param visibleClinicIds the clinics the student saw for the target day */
    public List<PlannedAttempt> plan(int studentIndex, List<Long> visibleClinicIds) {
        List<Long> candidates =
                new ArrayList<>(visibleClinicIds.stream().distinct().sorted().toList());
        int cap = Math.min(maxReservations, candidates.size());
        if (cap == 0) {
            return List.of();
        }
        SplittableRandom random = new SplittableRandom(seed + studentIndex * INDEX_STRIDE);
        int floor = Math.min(minReservations, cap);
        int count = floor + random.nextInt(cap - floor + 1);
        List<PlannedAttempt> plan = new ArrayList<>(count);
        plan.add(new PlannedAttempt(candidates.remove(rushIndex(candidates.size())), Duration.ZERO));
        for (int i = 1; i < count; i++) {
            long clinicId = candidates.remove(random.nextInt(candidates.size()));
            Duration pause = Duration.ofMillis(
                    Math.round(1000 * (pauseMinSeconds + random.nextDouble() * (pauseMaxSeconds - pauseMinSeconds))));
            plan.add(new PlannedAttempt(clinicId, pause));
        }
        return List.copyOf(plan);
    }

    /**
     * The position of the opening rush clinic among the visible ones: from the seed alone, so every student
     * of the run (who all see the same clinics) picks the same one.
     */
    private int rushIndex(int visibleClinics) {
        return new SplittableRandom(seed).nextInt(visibleClinics);
    }
}
