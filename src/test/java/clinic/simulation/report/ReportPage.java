package clinic.simulation.report;

import clinic.simulation.answers.SimulationJson;
import clinic.simulation.output.AttemptsFile;
import clinic.simulation.output.RunOutputs;
import clinic.simulation.output.RunSummary;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * clinic-report.html, beside Gatling's index.html: the run's {@link ClinicReport} laid out by the page's
 * script, with Apache ECharts (from its webjar) and the data inlined, so that the page opens from disk with
 * nothing fetched.
 */
public final class ReportPage {

    public static final String FILE = "clinic-report.html";

    private static final String RESOURCES = "clinic/simulation/report/";
    private static final String ECHARTS_POM = "META-INF/maven/org.webjars.npm/echarts/pom.properties";
    /** ECharts' build with the line and bar charts and the components the page uses, 0.65 MB instead of 1 MB. */
    private static final String ECHARTS_SCRIPT = "META-INF/resources/webjars/echarts/%s/dist/echarts.common.min.js";

    private static final Pattern SLOT = Pattern.compile("/\\*\\{(style|echarts|data|script)\\}\\*/");

    private ReportPage() {}

    /** Builds the report of the run in {@code runFolder} from its summary and attempts files; returns the page. */
    public static Path write(Path runFolder) {
        RunSummary summary = RunSummary.read(runFolder.resolve(RunSummary.FILE));
        ClinicReport report = ClinicReport.of(summary, AttemptsFile.read(runFolder.resolve(AttemptsFile.FILE)));
        Path page = runFolder.resolve(FILE);
        try {
            Files.writeString(page, render(report), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + page, e);
        }
        return page;
    }

    /**
     * An add-on's result: {@code data} as JSON in {@code file} and as the page {@code template} in {@code page},
     * both in {@code folder}; returns the page.
     */
    public static Path writeWithData(Path folder, String file, String page, String template, Object data) {
        Path json = folder.resolve(file);
        Path html = folder.resolve(page);
        try {
            Files.writeString(json, SimulationJson.write(data), StandardCharsets.UTF_8);
            Files.writeString(html, inline(template, data), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + json + " or " + html, e);
        }
        return html;
    }

    /** Writes the run's report and gives its address on the console. */
    public static void publish(Path runFolder) {
        RunOutputs.CONSOLE.info(
                "📊 클리닉 보고서: {}", write(runFolder).toAbsolutePath().toUri());
    }

    static String render(ClinicReport report) {
        return inline("clinic-report", report);
    }

    /**
     * A page of ours ({@code page}.html and .js under {@code src/test/resources/clinic/simulation/report/}):
     * the template with the shared style, the chart library, {@code data} as JSON and its script (after
     * the shared report-common.js) in their slots.
     */
    public static String inline(String page, Object data) {
        Matcher slot = SLOT.matcher(resource(RESOURCES + page + ".html"));
        StringBuilder filled = new StringBuilder();
        while (slot.find()) {
            String content = switch (slot.group(1)) {
                case "style" -> resource(RESOURCES + "clinic-report.css");
                case "echarts" -> inScript(resource(ECHARTS_SCRIPT.formatted(echartsVersion())));
                case "data" -> json(data);
                default -> resource(RESOURCES + "report-common.js") + "\n" + resource(RESOURCES + page + ".js");
            };
            slot.appendReplacement(filled, Matcher.quoteReplacement(content));
        }
        return slot.appendTail(filled).toString();
    }

    /** The data as JSON that cannot end its script element: every {@code <} written as {@code \u003c}. */
    static String json(Object data) {
        try {
            return SimulationJson.MAPPER
                    .writer()
                    .without(SerializationFeature.INDENT_OUTPUT)
                    .with(new ScriptSafeEscapes())
                    .writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the report's data: " + e.getMessage(), e);
        }
    }

    /** A script inlined in the page must not contain its own end tag. */
    private static String inScript(String script) {
        return script.replace("</script", "<\\/script");
    }

    private static String echartsVersion() {
        Properties pom = new Properties();
        try (InputStream in = stream(ECHARTS_POM)) {
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + ECHARTS_POM, e);
        }
        return pom.getProperty("version");
    }

    private static String resource(String name) {
        try (InputStream in = stream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    private static InputStream stream(String name) {
        InputStream in = ReportPage.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is not on the classpath (the org.webjars.npm:echarts test "
                    + "dependency and src/test/resources/" + RESOURCES + " provide the report's parts)");
        }
        return in;
    }

    private static final class ScriptSafeEscapes extends CharacterEscapes {
        private final int[] escapes = standardAsciiEscapesForJSON();

        ScriptSafeEscapes() {
            escapes['<'] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return null;
        }
    }
}
