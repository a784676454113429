package clinic.server.service;

import java.sql.SQLException;
import java.util.List;

/** The SQL states the service answers in business terms, and how to find one in a failure. */
final class SqlStates {

    static final String UNIQUE_VIOLATION = "23505";
    /** H2 reports a CHECK violation as 23513, PostgreSQL as 23514. */
    static final List<String> CHECK_VIOLATIONS = List.of("23513", "23514");

    private SqlStates() {}

    /** The SQL state of the first {@link SQLException} among the causes, or null. */
    static String of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }
}
