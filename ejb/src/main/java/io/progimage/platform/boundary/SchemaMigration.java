package io.progimage.platform.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.flywaydb.core.Flyway;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;

/**
 * Runs the Flyway migrations of the persistence module when the application starts, before
 * anything uses the database (other start-up beans declare {@code @DependsOn("SchemaMigration")}).
 * If the migration fails the deployment fails: better no service than one on a wrong schema.
 * Flyway takes its own lock table, so nodes starting together migrate once.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // DDL commits implicitly on MySQL
public class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Resource(lookup = "jdbc/progimage")
    DataSource dataSource;

    @PostConstruct
    void migrate() {
        var result = Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(withMigrationTimeout(dataSource))
                .locations("classpath:db/migration")
                .load()
                .migrate();
        LOG.info(() -> "schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted + " migrations applied now)");
    }

    /**
     * The pool's 2 s socket timeout is right for requests and wrong here: Flyway waits up to 10 s
     * for its lock while another node migrates, and an ALTER of a large table runs longer; cut
     * off, MySQL's non-transactional DDL is left half done. So Flyway's connections read with
     * {@link #MIGRATION_READ_TIMEOUT_MS} and get the pool's timeout back before they return to it.
     */
    static DataSource withMigrationTimeout(DataSource pool) {
        return (DataSource) Proxy.newProxyInstance(SchemaMigration.class.getClassLoader(), new Class<?>[]{DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(pool, method, args);
                    return result instanceof Connection connection ? patient(connection) : result;
                });
    }

    static final int MIGRATION_READ_TIMEOUT_MS = 600_000;

    private static Connection patient(Connection connection) throws SQLException {
        int poolTimeout = connection.getNetworkTimeout();
        connection.setNetworkTimeout(Runnable::run, MIGRATION_READ_TIMEOUT_MS);
        return (Connection) Proxy.newProxyInstance(SchemaMigration.class.getClassLoader(), new Class<?>[]{Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("close") && !connection.isClosed()) {
                        connection.setNetworkTimeout(Runnable::run, poolTimeout);
                    }
                    return invoke(connection, method, args);
                });
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
