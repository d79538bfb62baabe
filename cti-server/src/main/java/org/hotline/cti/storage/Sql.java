package org.hotline.cti.storage;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.hotline.cti.core.CommandException;

/** Runs JDBC work on a pooled connection; a database failure becomes an UNAVAILABLE result that names the work. */
final class Sql {
    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private Sql() {}

    static <T> T run(DataSource dataSource, String what, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new CommandException(CommandException.Code.UNAVAILABLE,
                    what + ": database unavailable (" + e.getMessage() + ")");
        }
    }

    /** As {@link #run}, in one transaction, rolled back when the work fails. */
    static <T> T inTransaction(DataSource dataSource, String what, Work<T> work) {
        return run(dataSource, what, c -> {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        });
    }
}
