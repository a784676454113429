package clinic.server.cli;

import clinic.contract.ClinicDay;
import clinic.server.FixtureClinic;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Prints fixture results in the style of the original management commands. */
final class FixturePrinter {

    private FixturePrinter() {}

    /** Clinics listed one per line; a larger week is summed up per day. */
    private static final int LISTED_CLINICS = 40;

    static void printClinics(PrintStream out, List<FixtureClinic> clinics) {
        Map<String, List<FixtureClinic>> byDay = clinics.stream()
                .collect(Collectors.groupingBy(FixturePrinter::koreanDay, LinkedHashMap::new, Collectors.toList()));
        out.println("📋 " + String.join(", ", byDay.keySet()) + " 테스트 클리닉 " + clinics.size() + "개:");
        if (clinics.size() > LISTED_CLINICS) {
            byDay.forEach((day, ofDay) -> out.println("  • " + day + ": " + ofDay.size() + "개, "
                    + ofDay.get(0).time() + "–" + ofDay.get(ofDay.size() - 1).time() + ", 정원 "
                    + ofDay.get(0).capacity() + "명 (id " + ofDay.get(0).id() + "…)"));
            printClosed(out, clinics);
            return;
        }
        for (FixtureClinic clinic : clinics) {
            out.println("  • " + (byDay.size() > 1 ? koreanDay(clinic) + " " : "") + clinic.time() + " - "
                    + clinic.subject() + " (" + clinic.room() + ") - " + clinic.teacherName() + " - 정원 "
                    + clinic.capacity() + "명 (id " + clinic.id() + ")" + (clinic.active() ? "" : " 🔒 마감"));
        }
        printClosed(out, clinics);
    }

    /** The closed clinics' ids, as the simulation's -DclosedClinicIds wants them; nothing when none is closed. */
    private static void printClosed(PrintStream out, List<FixtureClinic> clinics) {
        String closed = clinics.stream()
                .filter(clinic -> !clinic.active())
                .map(clinic -> Long.toString(clinic.id()))
                .collect(Collectors.joining(","));
        if (!closed.isEmpty()) {
            out.println("🔒 마감된 클리닉 (reservation_closed): -DclosedClinicIds=" + closed);
        }
    }

    private static String koreanDay(FixtureClinic clinic) {
        return ClinicDay.find(clinic.day()).map(ClinicDay::koreanName).orElse(clinic.day());
    }
}
