package clinic.simulation;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/** Runs the external backend's preparation (e.g. its fixture commands) before the load, bounded in time. */
final class SetupCommand {

    private SetupCommand() {}

    static void run(String command, int timeoutSeconds) {
        Process process;
        try {
            process = new ProcessBuilder("sh", "-c", command).inheritIO().start();
        } catch (IOException e) {
            throw new TargetNotReadyException(
                    "❌ setupCommand could not start: " + command + " (" + e.getMessage() + ")", e);
        }
        try {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new TargetNotReadyException("❌ setupCommand did not finish within " + timeoutSeconds
                        + " s (raise -DsetupTimeoutSeconds): " + command);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new TargetNotReadyException("❌ interrupted while waiting for setupCommand: " + command, e);
        }
        if (process.exitValue() != 0) {
            throw new TargetNotReadyException(
                    "❌ setupCommand failed with exit code " + process.exitValue() + ": " + command);
        }
    }
}
