package clinic.simulation.options;

/**
 * This load generator's slice of the run's students when {@code count} of them share one run: student k
 * (1-based) belongs to injector ((k − 1) mod count) + 1. Interleaved rather than in blocks, so that every
 * injector has students from the whole roster (the blocked ones are the last) and the slices differ by
 * one student at most.
 *
 * @param index 1-based, at most {@code count}
 */
public record InjectorShard(int count, int index) {

    /** One load generator driving every student. */
    public static final InjectorShard ALONE = new InjectorShard(1, 1);

    public InjectorShard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("an injector is 1 to " + count + " of " + count + ", got " + index);
        }
    }

    /** Whether this injector drives the student of that 1-based index. */
    public boolean drives(int studentIndex) {
        return (studentIndex - 1) % count == index - 1;
    }

    /** How many of the run's {@code students} this injector drives. */
    public int studentsOf(int students) {
        return students / count + (index <= students % count ? 1 : 0);
    }

    public boolean alone() {
        return count == 1;
    }
}
