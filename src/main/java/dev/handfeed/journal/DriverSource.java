package dev.handfeed.journal;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * Connections from a driver the WAR bundles, without {@code DriverManager}, whose registry does not see an
 * application's drivers on every server. The journal keeps a few long-lived connections: no pool is needed.
 */
public final class DriverSource implements DataSource {

    private final Driver driver;
    private final String url;
    private final Properties properties;

    /** A shared journal's connections: PostgreSQL at {@code url}, as {@code user} when given. */
    public static DataSource postgres(String url, String user, String password) {
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        return new DriverSource(new org.postgresql.Driver(), url, properties);
    }

    DriverSource(Driver driver, String url, Properties properties) {
        this.driver = driver;
        this.url = url;
        this.properties = properties;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection connection = driver.connect(url, properties);
        if (connection == null) {
            throw new SQLException("The driver " + driver.getClass().getName() + " does not accept " + url);
        }
        return connection;
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        Properties given = new Properties();
        given.putAll(properties);
        given.setProperty("user", username);
        given.setProperty("password", password);
        return driver.connect(url, given);
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // no log writer: the journal logs through java.util.logging
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // the URL's own settings apply
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("no parent logger");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("Not a wrapper of " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
