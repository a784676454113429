package clinic.simulation.report;

import clinic.simulation.answers.RejectionReason;
import clinic.simulation.output.AttemptsFile.Attempt;
import clinic.simulation.output.Latency;
import clinic.simulation.report.ClinicReport.AnswersOverTime;
import clinic.simulation.report.ClinicReport.ClinicState;
import clinic.simulation.report.ClinicReport.GridClinic;
import clinic.simulation.report.ClinicReport.SeatTimeline;
import clinic.simulation.report.ClinicReport.WeekGrid;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** The report's timelines: when each seat was taken, and the answers second by second. */
final class ReportTimelines {

    private ReportTimelines() {}

    static List<SeatTimeline> seats(WeekGrid week, List<Attempt> inOrder, long origin) {
        Map<Long, GridClinic> byId = week.clinics().stream()
                .filter(clinic -> clinic.id() != null && clinic.state() != ClinicState.NOT_VISIBLE)
                .collect(Collectors.toMap(GridClinic::id, Function.identity(), (first, second) -> first));
        Map<Long, List<Long>> takenAt = new TreeMap<>();
        inOrder.stream()
                .filter(attempt -> attempt.reason() == RejectionReason.RESERVED)
                .forEach(attempt -> takenAt.computeIfAbsent(attempt.clinicId(), id -> new ArrayList<>())
                        .add(attempt.answeredAtMs() - origin));
        byId.keySet().forEach(id -> takenAt.putIfAbsent(id, List.of()));
        return takenAt.entrySet().stream()
                .map(entry -> {
                    GridClinic clinic = byId.get(entry.getKey());
                    List<Long> times = entry.getValue();
                    Integer capacity = clinic == null ? null : clinic.capacity();
                    return new SeatTimeline(
                            entry.getKey(),
                            clinic == null
                                    ? "clinic " + entry.getKey()
                                    : clinic.day() + " " + clinic.time() + " " + clinic.room(),
                            capacity,
                            times,
                            capacity != null && capacity > 0 && times.size() >= capacity
                                    ? times.get(capacity - 1)
                                    : null,
                            capacity != null && times.size() > capacity ? times.get(capacity) : null);
                })
                .toList();
    }

    static AnswersOverTime answers(List<Attempt> inOrder, Long openedAt) {
        if (openedAt == null) {
            return new AnswersOverTime(null, 0, Map.of(), List.of());
        }
        int seconds = (int) ((inOrder.get(inOrder.size() - 1).answeredAtMs() - openedAt) / 1000) + 1;
        Map<RejectionReason, int[]> counts = new EnumMap<>(RejectionReason.class);
        List<List<Long>> latencies = IntStream.range(0, seconds)
                .mapToObj(second -> new ArrayList<Long>())
                .collect(Collectors.toList());
        for (Attempt attempt : inOrder) {
            int second = (int) ((attempt.answeredAtMs() - openedAt) / 1000);
            counts.computeIfAbsent(attempt.reason(), reason -> new int[seconds])[second]++;
            latencies.get(second).add(attempt.latencyMs());
        }
        Map<RejectionReason, List<Integer>> series = new EnumMap<>(RejectionReason.class);
        counts.forEach((reason, perSecond) ->
                series.put(reason, IntStream.of(perSecond).boxed().toList()));
        return new AnswersOverTime(
                openedAt,
                seconds,
                series,
                latencies.stream()
                        .map(second -> second.isEmpty() ? null : Latency.of(second))
                        .toList());
    }
}
