package clinic.server.cli;

import clinic.server.FixtureClinic;
import java.io.PrintStream;
import java.util.List;

/** Prints fixture results in the style of the original management commands. */
final class FixturePrinter {

    private FixturePrinter() {}

    static void printClinics(PrintStream out, List<FixtureClinic> clinics) {
        out.println("📋 월요일 테스트 클리닉 " + clinics.size() + "개:");
        for (FixtureClinic clinic : clinics) {
            out.println("  • " + clinic.time() + " - " + clinic.subject() + " (" + clinic.room() + ") - "
                    + clinic.teacherName() + " - 정원 " + clinic.capacity() + "명 (id " + clinic.id() + ")");
        }
    }
}
