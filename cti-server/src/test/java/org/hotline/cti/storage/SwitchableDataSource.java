package org.hotline.cti.storage;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

import javax.sql.DataSource;

/** A data source that can be switched off, as a database outage looks to its clients. */
final class SwitchableDataSource implements DataSource {
    private final DataSource delegate;
    private volatile boolean up = true;
    private final AtomicInteger refused = new AtomicInteger();

    SwitchableDataSource(DataSource delegate) {
        this.delegate = delegate;
    }

    void down() {
        up = false;
    }

    void up() {
        up = true;
    }

    /** Connections refused while down. */
    int refused() {
        return refused.get();
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (!up) {
            refused.incrementAndGet();
            throw new SQLTransientConnectionException("Communications link failure (test outage)");
        }
        return delegate.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return delegate.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        delegate.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        delegate.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return delegate.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return delegate.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return delegate.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return delegate.isWrapperFor(type);
    }
}
