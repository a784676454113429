package clinic.simulation.scenario;

import clinic.simulation.answers.RejectionReason;
import clinic.simulation.options.RunOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Which clinics a student tries, in which order, with which pauses, and how it behaves. An ordinary
 * student tries N distinct clinics, N uniform in [min(minReservations, cap), cap] with cap =
 * min(maxReservations, clinics it can name), with a uniform pause before every try but the first.
 * The first try of every student (but a double-clicker) is the run's <em>opening rush</em> clinic, drawn
 * once from the seed among the visible ones; the others are random among the rest, closed clinics
 * included (they are tried like any other, and each is sure to be some ordinary student's second try).
 * Each student's random stream comes from the seed and the student's index alone, so a run repeats
 * exactly whatever the timing.
 *
 * <p>Why the rush: with every choice random, the demand for a clinic is left to chance, and about one
 * seed in ten thousand (10 of 100,000 with 20 students, 8 clinics, 1–5 tries) plans no clinic wanted by
 * more students than it has seats, so the race for the last seat that the test exists to create never
 * happens and an overbooking backend passes (seed 93 did). With the rush, every student asks for the same
 * clinic at the same instant right after the rendezvous: more students than seats, all together, in every run.
 *
 * <p>Some students behave otherwise ({@link Role}), chosen from the seed in the shares of the options,
 * so that every business rule of the contract is provoked in a standard run. A double-clicker opens on a
 * visible clinic of its own rather than the rush: in the rush its two clicks would mostly meet a full
 * clinic and prove nothing, while on a clinic with seats left they race each other for a second seat.
 */
public final class ReservationPlanner {

    /** Spreads consecutive student indexes over the seed space (the 64-bit golden ratio). */
    private static final long INDEX_STRIDE = 0x9E3779B97F4A7C15L;
    /** Another stream of the seed for choosing the roles, apart from every student's own. */
    private static final long ROLES_STREAM = 0x2545F4914F6CDD1DL;
    /** "A few students" try to book for somebody else. */
    static final int FOREIGN_PROBERS = 2;

    /** How a student behaves. */
    public enum Role {
        ORDINARY,
        /** Every try is sent twice at once. */
        DOUBLE_CLICKER,
        /** Told occupied (or closed), tries another clinic, until it has a seat or has spent its requests. */
        PERSISTENT,
        /** After its own tries, asks for a seat for another student (the contract lets anybody do so). */
        FOREIGN_PROBER
    }

    /** What one request of a plan is. */
    public enum Kind {
        TRY,
        DOUBLE_CLICK,
        FOREIGN_PROBE
    }

    /** One try: wait {@code pauseBefore}, then reserve {@code clinicId}, as {@code kind} says. */
    public record PlannedAttempt(long clinicId, Duration pauseBefore, Kind kind) {}

    /** A student's role and its attempts in order. */
    public record StudentPlan(Role role, List<PlannedAttempt> attempts) {

        /** Whether the student stops after an attempt answered so: a persistent one stops once it has a seat. */
        public boolean stopsAfter(RejectionReason reason) {
            return role == Role.PERSISTENT
                    && (reason == RejectionReason.RESERVED || reason == RejectionReason.ALREADY_RESERVED);
        }

        /** Reservation requests the plan sends at most: a double click is two. */
        public int requests() {
            return attempts.stream()
                    .mapToInt(attempt -> attempt.kind() == Kind.DOUBLE_CLICK ? 2 : 1)
                    .sum();
        }
    }

    /**
     * Who plays which role: the students in an order drawn once from the seed, the first ones
     * double-clickers, then the persistent ones, then the probers; the ordinary students after them each
     * take one closed clinic in turn, so that every closed clinic is tried in every run.
     *
     * @param seedPosition each student's place in that order, by index (1-based; element 0 unused)
     */
    record Cast(int[] seedPosition, int doubleClickers, int persistent, int probers) {

        static Cast draw(
                long seed, int students, double doubleClickShare, double persistentShare, boolean probeForeignBooking) {
            int[] order = IntStream.rangeClosed(1, students).toArray();
            SplittableRandom random = new SplittableRandom(seed ^ ROLES_STREAM);
            for (int i = order.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int swapped = order[i];
                order[i] = order[j];
                order[j] = swapped;
            }
            int[] position = new int[students + 1];
            for (int i = 0; i < order.length; i++) {
                position[order[i]] = i;
            }
            int doubleClickers = (int) Math.round(doubleClickShare * students);
            int persistent = Math.min((int) Math.round(persistentShare * students), students - doubleClickers);
            int probers = probeForeignBooking && students > 1
                    ? Math.min(FOREIGN_PROBERS, students - doubleClickers - persistent)
                    : 0;
            return new Cast(position, doubleClickers, persistent, probers);
        }

        /** Every one of the students in the given role, in index order (for tests of one role). */
        static Cast everyone(int students, Role role) {
            int[] position = IntStream.rangeClosed(0, students)
                    .map(index -> Math.max(0, index - 1))
                    .toArray();
            return new Cast(
                    position,
                    role == Role.DOUBLE_CLICKER ? students : 0,
                    role == Role.PERSISTENT ? students : 0,
                    role == Role.FOREIGN_PROBER ? students : 0);
        }

        Role role(int studentIndex) {
            int position = seedPosition[studentIndex];
            if (position < doubleClickers) {
                return Role.DOUBLE_CLICKER;
            }
            if (position < doubleClickers + persistent) {
                return Role.PERSISTENT;
            }
            return position < doubleClickers + persistent + probers ? Role.FOREIGN_PROBER : Role.ORDINARY;
        }

        /** The closed clinic an ordinary student is sure to try (its rank among them), or -1. */
        int closedClinicTurn(int studentIndex) {
            return role(studentIndex) == Role.ORDINARY
                    ? seedPosition[studentIndex] - doubleClickers - persistent - probers
                    : -1;
        }

        Map<Role, Integer> counts() {
            Map<Role, Integer> counts = new EnumMap<>(Role.class);
            for (int index = 1; index < seedPosition.length; index++) {
                counts.merge(role(index), 1, Integer::sum);
            }
            return counts;
        }
    }

    private final long seed;
    private final int minReservations;
    private final int maxReservations;
    private final double pauseMinSeconds;
    private final double pauseMaxSeconds;
    private final Cast cast;

    ReservationPlanner(
            long seed,
            int minReservations,
            int maxReservations,
            double pauseMinSeconds,
            double pauseMaxSeconds,
            Cast cast) {
        this.seed = seed;
        this.minReservations = minReservations;
        this.maxReservations = maxReservations;
        this.pauseMinSeconds = pauseMinSeconds;
        this.pauseMaxSeconds = pauseMaxSeconds;
        this.cast = cast;
    }

    public static ReservationPlanner from(RunOptions options) {
        return new ReservationPlanner(
                options.seed(),
                options.behaviour().minReservations(),
                options.behaviour().maxReservations(),
                options.behaviour().pauseMin(),
                options.behaviour().pauseMax(),
                Cast.draw(
                        options.seed(),
                        options.students(),
                        options.behaviour().doubleClickShare(),
                        options.behaviour().persistentShare(),
                        options.behaviour().probeForeignBooking()));
    }

    public Role role(int studentIndex) {
        return cast.role(studentIndex);
    }

    /**
     * A student's plan. Whatever the role, it sends at most maxReservations requests (the contract's 5 per
     * student per minute by default), so that no role is answered rate_limited: a double-clicker makes half
     * as many tries, a prober one fewer, and a persistent student tries every clinic it can name within
     * that budget.
     *
     * @param visibleClinicIds the clinics the student saw for the run's days
     * @param closedClinicIds clinics known to be closed, not in the schedule, tried like any other
     */
    public StudentPlan plan(int studentIndex, List<Long> visibleClinicIds, List<Long> closedClinicIds) {
        Role role = role(studentIndex);
        List<Long> visible = visibleClinicIds.stream().distinct().sorted().toList();
        if (visible.isEmpty()) {
            return new StudentPlan(role, List.of());
        }
        SplittableRandom random = new SplittableRandom(seed + studentIndex * INDEX_STRIDE);
        long rush = visible.get(rushIndex(visible.size()));
        long opening = role == Role.DOUBLE_CLICKER && visible.size() > 1
                ? visible.stream().filter(id -> id != rush).toList().get(random.nextInt(visible.size() - 1))
                : rush;
        List<Long> all = Stream.concat(visible.stream(), closedClinicIds.stream())
                .distinct()
                .sorted()
                .toList();
        List<Long> others =
                new ArrayList<>(all.stream().filter(id -> id != opening).toList());
        int tries = Math.max(
                1,
                switch (role) {
                    case DOUBLE_CLICKER -> maxReservations / 2;
                    case FOREIGN_PROBER -> maxReservations - 1;
                    default -> maxReservations;
                });
        int cap = Math.min(tries, all.size());
        int floor = Math.min(minReservations, cap);
        int count = role == Role.PERSISTENT ? cap : floor + random.nextInt(cap - floor + 1);
        Kind kind = role == Role.DOUBLE_CLICKER ? Kind.DOUBLE_CLICK : Kind.TRY;
        List<PlannedAttempt> plan = new ArrayList<>(count + 1);
        plan.add(new PlannedAttempt(opening, Duration.ZERO, kind));
        int turn = cast.closedClinicTurn(studentIndex);
        List<Long> closed = closedClinicIds.stream().distinct().sorted().toList();
        if (turn >= 0 && turn < closed.size() && cap > 1 && others.remove(closed.get(turn))) {
            plan.add(new PlannedAttempt(closed.get(turn), pause(random), kind));
            count = Math.max(count, 2);
        }
        while (plan.size() < count) {
            plan.add(new PlannedAttempt(others.remove(random.nextInt(others.size())), pause(random), kind));
        }
        if (role == Role.FOREIGN_PROBER && maxReservations > 1) {
            plan.add(new PlannedAttempt(all.get(random.nextInt(all.size())), pause(random), Kind.FOREIGN_PROBE));
        }
        return new StudentPlan(role, List.copyOf(plan));
    }

    private Duration pause(SplittableRandom random) {
        return Duration.ofMillis(
                Math.round(1000 * (pauseMinSeconds + random.nextDouble() * (pauseMaxSeconds - pauseMinSeconds))));
    }

    /**
     * The position of the opening rush clinic among the visible ones: from the seed alone, so every student
     * of the run (who all see the same clinics) picks the same one.
     */
    private int rushIndex(int visibleClinics) {
        return new SplittableRandom(seed).nextInt(visibleClinics);
    }
}
