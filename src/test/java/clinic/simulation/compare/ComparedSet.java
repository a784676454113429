package clinic.simulation.compare;

import clinic.simulation.audit.Finding;
import clinic.simulation.output.RunSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A set as a comparison reads it: its set.json and the summary of every run that finished.
 *
 * @param folder the set's folder
 * @param finished the runs that left a summary, in order; the others are in {@code set.runs()} with their problem
 */
record ComparedSet(Path folder, RunSet set, List<Finished> finished) {

    /**
     * A run of the set that left its summary.
     *
     * @param runFolder Gatling's run folder, with the run's reports
     * @param accepted the findings the audit accepted as known (kind and subject, e.g. {@code CLINIC_NOT_VISIBLE
     *     mon 18:00 2강의실}), read from the summary's {@code audit.accepted}, empty in a summary without it
     */
    record Finished(RunSet.Run run, Path runFolder, RunSummary summary, List<String> accepted) {}

    /**
     * The set in {@code folder}; a folder that is not a set, or a set with no finished run, is refused with
     * one line that says so.
     */
    static ComparedSet load(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException(folder + " 폴더가 없습니다");
        }
        if (!RunSet.isSet(folder)) {
            throw new IllegalArgumentException(
                    folder + " 은(는) 반복 실행 세트가 아닙니다 (" + RunSet.FILE + " 없음: -Drepeat=N 으로 만든 폴더를 주세요)");
        }
        RunSet set = RunSet.read(folder);
        List<Finished> finished = new ArrayList<>();
        for (RunSet.Run run : set.runs()) {
            if (run.runFolder() != null) {
                Path runFolder = folder.resolve(run.runFolder());
                RunSummary summary = RunSummary.read(runFolder.resolve(RunSummary.FILE));
                finished.add(new Finished(
                        run,
                        runFolder,
                        summary,
                        summary.audit().accepted().stream().map(Finding::key).toList()));
            }
        }
        if (finished.isEmpty()) {
            throw new IllegalArgumentException("세트 " + set.label() + " (" + folder + ") 에 끝난 실행이 없습니다 ("
                    + set.runs().size() + "회 중 0회)");
        }
        return new ComparedSet(folder, set, List.copyOf(finished));
    }

    List<RunSummary> summaries() {
        return finished.stream().map(Finished::summary).toList();
    }

    /** The runs that left no summary. */
    List<RunSet.Run> unfinished() {
        return set.runs().stream().filter(run -> run.runFolder() == null).toList();
    }
}
