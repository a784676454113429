package clinic.simulation.options;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A CSV file of data/ (students, clinics), read from the test classpath with its header, every row
 * checked: a missing column, a row of the wrong length or an empty required value is an error that
 * names the file, the line and the column.
 */
public final class DataFile {

    private static final CsvMapper CSV =
            CsvMapper.builder().enable(CsvParser.Feature.TRIM_SPACES).build();

    /** A data file cannot be used: the message names file, line and column. */
    public static final class InvalidDataFileException extends IllegalStateException {
        InvalidDataFileException(String message) {
            super(message);
        }
    }

    /** One row, by column name, with the line it came from. */
    public record Row(int line, Map<String, String> values) {

        public String get(String column) {
            return values.get(column);
        }
    }

    private DataFile() {}

    /**
     * The rows of {@code data/<name>}: every one of {@code columns} must be in the header, and the
     * {@code filledIn} ones must have a value in every row.
     */
    public static List<Row> read(String name, List<String> columns, List<String> filledIn) {
        InputStream stream = DataFile.class.getClassLoader().getResourceAsStream(name);
        if (stream == null) {
            throw invalid(name, "is not on the classpath (it belongs in data/)");
        }
        try (Reader reader = new InputStreamReader(stream, StandardCharsets.UTF_8);
                MappingIterator<Map<String, String>> rows = CSV.readerForMapOf(String.class)
                        .with(CsvSchema.emptySchema().withHeader())
                        .readValues(reader)) {
            List<String> header = new ArrayList<>();
            ((CsvSchema) rows.getParserSchema()).forEach(column -> header.add(column.getName()));
            for (String column : columns) {
                if (!header.contains(column)) {
                    throw invalid(
                            name,
                            "line 1: column '" + column + "' is missing (header: " + String.join(",", header)
                                    + "; expected: " + String.join(",", columns) + ")");
                }
            }
            List<Row> read = new ArrayList<>();
            while (rows.hasNextValue()) {
                int line = rows.getCurrentLocation().getLineNr();
                Map<String, String> values = rows.nextValue();
                for (String column : columns) {
                    if (!values.containsKey(column)) {
                        throw invalid(
                                name,
                                "line " + line + ", column '" + column + "': missing (the row has " + values.size()
                                        + " of the header's " + header.size() + " columns)");
                    }
                }
                for (String column : filledIn) {
                    if (values.get(column).isBlank()) {
                        throw invalid(name, "line " + line + ", column '" + column + "': empty");
                    }
                }
                read.add(new Row(line, values));
            }
            return read;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw invalid(name, (at == null ? "" : "line " + at.getLineNr() + ": ") + e.getOriginalMessage());
        } catch (IOException e) {
            throw invalid(name, "cannot be read: " + e.getMessage());
        }
    }

    private static InvalidDataFileException invalid(String name, String problem) {
        return new InvalidDataFileException("❌ data/" + name + " " + problem);
    }
}
