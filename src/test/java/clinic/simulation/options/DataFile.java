package clinic.simulation.options;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the simple CSV files of data/ (a header line, no quoting) from the test classpath. */
public final class DataFile {

    private DataFile() {}

    public static List<Map<String, String>> read(String name) {
        InputStream stream = DataFile.class.getClassLoader().getResourceAsStream(name);
        if (stream == null) {
            throw new IllegalStateException(name + " is not on the classpath (it belongs in data/)");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String header = reader.readLine();
            if (header == null) {
                throw new IllegalStateException(name + " is empty");
            }
            String[] columns = header.strip().split(",", -1);
            List<Map<String, String>> rows = new ArrayList<>();
            int lineNumber = 1;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.strip().split(",", -1);
                if (cells.length != columns.length) {
                    throw new IllegalStateException(name + " line " + lineNumber + " has " + cells.length
                            + " cells, the header has " + columns.length);
                }
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < columns.length; i++) {
                    row.put(columns[i], cells[i]);
                }
                rows.add(row);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }
}
