package clinic.simulation.launch;

import clinic.simulation.output.RunSummary;
import java.nio.file.Path;

/**
 * One run of the main simulation launched in a JVM of its own, as it ended.
 *
 * @param folder the folder the run was given (its results folder, with {@link #CONSOLE_FILE})
 * @param runFolder the run folder Gatling made in it, with the run's summary; null when there is none
 * @param summary the run's clinic-summary.json; null when the run left none
 * @param exitCode the JVM's exit status; -1 when it was stopped at its deadline
 * @param cut true when the run was stopped at its deadline
 * @param consoleTail the console lines that say why a run left no summary (those marked ❌, or the last few);
 *     null when it left one
 */
public record LaunchedRun(
        Path folder,
        Path runFolder,
        RunSummary summary,
        int exitCode,
        boolean cut,
        String consoleTail,
        double seconds) {

    /** The run's console output, in its folder. */
    public static final String CONSOLE_FILE = "console.log";

    /** Why the run left no summary, in the console's words; null when it left one. */
    public String problem(String whenCut) {
        if (summary != null) {
            return null;
        }
        return cut ? whenCut : "실행이 끝났지만 요약이 없습니다 (exit " + exitCode + "): " + consoleTail;
    }
}
