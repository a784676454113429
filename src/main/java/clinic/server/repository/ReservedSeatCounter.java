package clinic.server.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.h2.tools.TriggerAdapter;

/**
 * H2's half of the seat-counting trigger (migration V2; PostgreSQL's is PL/pgSQL): keeps
 * {@code clinics.reserved_count} equal to the clinic's reservation rows, so the capacity CHECK on
 * clinics bounds the rows themselves.
 */
public final class ReservedSeatCounter extends TriggerAdapter {

    @Override
    public void fire(Connection connection, ResultSet oldRow, ResultSet newRow) throws SQLException {
        boolean inserted = newRow != null;
        long clinicId = (inserted ? newRow : oldRow).getLong("clinic_id");
        try (PreparedStatement count =
                connection.prepareStatement("UPDATE clinics SET reserved_count = reserved_count + ? WHERE id = ?")) {
            count.setInt(1, inserted ? 1 : -1);
            count.setLong(2, clinicId);
            count.executeUpdate();
        }
    }
}
