package clinic.simulation;

/** Keeps answer bodies short in messages: a whole HTML error page helps nobody in an Errors table. */
final class Abbreviation {
    private static final int LIMIT = 200;

    private Abbreviation() {}

    static String of(String body) {
        if (body == null || body.isEmpty()) {
            return "(empty body)";
        }
        String oneLine = body.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= LIMIT ? oneLine : oneLine.substring(0, LIMIT) + "…";
    }
}
