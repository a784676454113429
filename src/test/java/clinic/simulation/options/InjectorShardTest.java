package clinic.simulation.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InjectorShardTest {

    /** Every student of every run size belongs to exactly one injector, and the slices differ by one at most. */
    @Test
    void theShardsOfARunPartitionItsStudentsExactly() {
        for (int count = 1; count <= 12; count++) {
            for (int students = 1; students <= 250; students++) {
                List<Integer> sizes = new ArrayList<>();
                int[] owners = new int[students + 1];
                for (int index = 1; index <= count; index++) {
                    InjectorShard shard = new InjectorShard(count, index);
                    int driven = 0;
                    for (int student = 1; student <= students; student++) {
                        if (shard.drives(student)) {
                            owners[student]++;
                            driven++;
                        }
                    }
                    assertThat(shard.studentsOf(students))
                            .as("%d students, %d of %d", students, index, count)
                            .isEqualTo(driven);
                    sizes.add(driven);
                }
                for (int student = 1; student <= students; student++) {
                    assertThat(owners[student])
                            .as("student %d of %d, %d injectors", student, students, count)
                            .isEqualTo(1);
                }
                assertThat(sizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(students);
                assertThat(sizes.stream().mapToInt(Integer::intValue).max().orElseThrow()
                                - sizes.stream()
                                        .mapToInt(Integer::intValue)
                                        .min()
                                        .orElseThrow())
                        .isLessThanOrEqualTo(1);
            }
        }
    }

    @Test
    void aShardOutsideItsRunIsRefused() {
        assertThatThrownBy(() -> new InjectorShard(3, 4)).hasMessage("an injector is 1 to 3 of 3, got 4");
        assertThatThrownBy(() -> new InjectorShard(3, 0)).hasMessage("an injector is 1 to 3 of 3, got 0");
        assertThat(InjectorShard.ALONE.drives(17)).isTrue();
    }
}
