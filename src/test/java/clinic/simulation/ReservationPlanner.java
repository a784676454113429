package clinic.simulation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Which clinics a student tries, in which order, with which pauses: N distinct random clinics, N uniform
 * in [min(minReservations, cap), cap] with cap = min(maxReservations, visible clinics), a uniform pause
 * before every try but the first. Each student's random stream comes from the seed and the student's
 * index alone, so a run repeats exactly whatever the timing.
 */
public final class ReservationPlanner {

    /** Spreads consecutive student indexes over the seed space (the 64-bit golden ratio). */
    private static final long INDEX_STRIDE = 0x9E3779B97F4A7C15L;

    /** One try: wait {@code pauseBefore}, then reserve {@code clinicId}. */
    public record PlannedAttempt(long clinicId, Duration pauseBefore) {
    }

    private final long seed;
    private final int minReservations;
    private final int maxReservations;
    private final double pauseMinSeconds;
    private final double pauseMaxSeconds;

    public ReservationPlanner(long seed, int minReservations, int maxReservations, double pauseMinSeconds,
            double pauseMaxSeconds) {
        this.seed = seed;
        this.minReservations = minReservations;
        this.maxReservations = maxReservations;
        this.pauseMinSeconds = pauseMinSeconds;
        this.pauseMaxSeconds = pauseMaxSeconds;
    }

    public static ReservationPlanner from(SimulationOptions options) {
        return new ReservationPlanner(options.seed(), options.minReservations(), options.maxReservations(),
                options.pauseMin(), options.pauseMax());
    }

    /** @param visibleClinicIds the clinics the student saw for the target day */
    public List<PlannedAttempt> plan(int studentIndex, List<Long> visibleClinicIds) {
        List<Long> candidates = new ArrayList<>(visibleClinicIds.stream().distinct().sorted().toList());
        int cap = Math.min(maxReservations, candidates.size());
        if (cap == 0) {
            return List.of();
        }
        SplittableRandom random = new SplittableRandom(seed + studentIndex * INDEX_STRIDE);
        int floor = Math.min(minReservations, cap);
        int count = floor + random.nextInt(cap - floor + 1);
        List<PlannedAttempt> plan = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long clinicId = candidates.remove(random.nextInt(candidates.size()));
            Duration pause = i == 0 ? Duration.ZERO : Duration.ofMillis(Math.round(1000 * (pauseMinSeconds
                    + random.nextDouble() * (pauseMaxSeconds - pauseMinSeconds))));
            plan.add(new PlannedAttempt(clinicId, pause));
        }
        return List.copyOf(plan);
    }
}
