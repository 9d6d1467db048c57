package io.progimage.it;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The stack under test, started once per test JVM and shared by every integration test class
 * ({@code @ExtendWith(Stack.class)}): a MariaDB from server-config/db and one Payara Micro node
 * from server-config/micro/start running the freshly built WAR, on free loopback ports, with
 * a data folder of its own under target/it that is emptied first. JUnit closes it after the last
 * test (SIGTERM: nothing is left running).
 */
public final class Stack implements BeforeAllCallback, AutoCloseable, ExtensionContext.Store.CloseableResource {

    private static final Duration DB_DEADLINE = Duration.ofMinutes(3);
    private static final Duration NODE_DEADLINE = Duration.ofMinutes(4);
    private static final Pattern NODE_READY = Pattern.compile("Payara Micro .* ready in");

    public static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

    private static Stack running;

    private final Path serverConfig = Path.of(System.getProperty("progimage.it.server-config", "../server-config")).toAbsolutePath().normalize();
    private final Path work = Path.of(System.getProperty("progimage.it.work", "target/it")).toAbsolutePath();
    private final Path data = work.resolve("data");
    private final int dbPort = freePort();
    private ManagedProcess database;
    private Node node;
    private Node secondNode;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        synchronized (Stack.class) {
            if (running == null) {
                Stack stack = new Stack();
                context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(Stack.class.getName(), stack);
                stack.start();
                running = stack;
            }
        }
    }

    /** The node's base URL, e.g. {@code http://127.0.0.1:41234}. */
    public static URI baseUri() {
        return running.node.baseUri();
    }

    /**
     * A second node, started on first use and shared by the tests that need one: it joins the
     * first node's Hazelcast cluster (one rate limiter, API.md §6), shares its database and
     * storage, has a broker store of its own, and allows remote files from private addresses
     * (API.md §7) with a 5 s total timeout, so tests can serve remote files from 127.0.0.1, and
     * has heap for request bodies of one largest upload at a time and one password hash at a time,
     * and sends bulk webhooks over plain http, the first retry 3 s after a failed attempt.
     * The first node keeps the production defaults (private addresses refused, https webhooks only).
     */
    public static synchronized URI secondNodeUri() throws Exception {
        Stack stack = running;
        if (stack.secondNode == null) {
            stack.secondNode = stack.startNode("node-2", Map.ofEntries(
                    Map.entry("PROGIMAGE_HZ_MEMBERS", "127.0.0.1:" + stack.node.hzPort() + ",127.0.0.1:" + HZ_PORT_PLACEHOLDER),
                    Map.entry("PROGIMAGE_BROKER_DIR", stack.data.resolve("broker-node-2").toString()),
                    Map.entry("PROGIMAGE_REMOTE_ALLOW_PRIVATE", "true"),
                    Map.entry("PROGIMAGE_REMOTE_TIMEOUT_SECONDS", "5"),
                    // room for one body of the largest size at a time and a few small ones (BodyMemoryIT)
                    Map.entry("PROGIMAGE_UPLOAD_MEMORY_BYTES", String.valueOf(4L * MAX_BODY_BYTES + 1024 * 1024)),
                    Map.entry("PROGIMAGE_UPLOAD_MEMORY_WAIT_MILLIS", "500"),
                    // one password hash at a time, no queue (PasswordHashingIT)
                    Map.entry("PROGIMAGE_PASSWORD_MAX_CONCURRENT", "1"),
                    Map.entry("PROGIMAGE_PASSWORD_MAX_WAIT_MILLIS", "0"),
                    // webhooks to a plain-http receiver on 127.0.0.1, retried after 3 s (WebhookIT)
                    Map.entry("PROGIMAGE_WEBHOOK_ALLOW_HTTP", "true"),
                    Map.entry("PROGIMAGE_WEBHOOK_FIRST_RETRY_SECONDS", "3"),
                    // two open bulks with a callback per user (WebhookIT)
                    Map.entry("PROGIMAGE_WEBHOOK_MAX_OPEN_PER_USER", "2")));
        }
        return stack.secondNode.baseUri();
    }

    /**
     * Runs one SQL update against the stack's database, for what a test cannot wait for (e.g.
     * moving an expiry into the past instead of waiting ten minutes). Returns the rows changed.
     */
    public static int sql(String update, Object... parameters) throws SQLException, IOException {
        try (Connection connection = running.connect(); PreparedStatement statement = prepare(connection, update, parameters)) {
            return statement.executeUpdate();
        }
    }

    /**
     * Freezes the database server (SIGSTOP), as a hung host or a network partition looks to
     * its clients: connections stay open and nothing answers. Closing the result resumes it.
     */
    public static AutoCloseable freezeDatabase() throws Exception {
        List<ProcessHandle> servers = running.database.descendants()
                .filter(p -> p.info().command().map(c -> c.endsWith("mariadbd") || c.endsWith("mysqld")).orElse(false))
                .toList();
        if (servers.isEmpty()) {
            throw new IllegalStateException("no mariadbd below the database process");
        }
        signal("STOP", servers);
        return () -> signal("CONT", servers);
    }

    private static void signal(String signal, List<ProcessHandle> processes) throws Exception {
        for (ProcessHandle process : processes) {
            Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid())).inheritIO().start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + process.pid() + " failed");
            }
        }
    }

    /**
     * The first column of the first row of a query, or null without a row: for what the API
     * never shows (e.g. the stored form of a client secret).
     */
    public static String sqlString(String query, Object... parameters) throws SQLException, IOException {
        try (Connection connection = running.connect(); PreparedStatement statement = prepare(connection, query, parameters);
             ResultSet rows = statement.executeQuery()) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    private Connection connect() throws SQLException, IOException {
        return DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + dbPort + "/progimage?sslMode=DISABLED",
                "progimage", Files.readString(data.resolve("db/.password")).trim());
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }

    int dbPort() {
        return dbPort;
    }

    int nodeHzPort() {
        return node.hzPort();
    }

    Path dataDir() {
        return data;
    }

    public static Stack running() {
        return running;
    }

    private void start() throws Exception {
        deleteRecursively(work);
        Files.createDirectories(data);
        database = new ManagedProcess("mariadb", List.of(serverConfig.resolve("db").toString()),
                Map.of("PROGIMAGE_DATA_DIR", data.toString(), "PROGIMAGE_DB_PORT", String.valueOf(dbPort)),
                work.resolve("logs/db.log"), Pattern.compile("database ready"));
        database.awaitReady(DB_DEADLINE);
        node = startNode("node-1", Map.of());
    }

    /** Environment for a node of this stack: its database, its data folder, free ports. */
    Map<String, String> nodeEnvironment(String name, Map<String, String> extra) throws IOException {
        int httpPort = freePort();
        Map<String, String> env = new HashMap<>();
        env.put("PROGIMAGE_DB_URL", "jdbc:mysql://127.0.0.1:" + dbPort + "/progimage?sslMode=DISABLED");
        env.put("PROGIMAGE_DB_USER", "progimage");
        env.put("PROGIMAGE_DB_PASSWORD", Files.readString(data.resolve("db/.password")).trim());
        env.put("PROGIMAGE_DATA_DIR", data.toString());
        env.put("PROGIMAGE_HTTP_PORT", String.valueOf(httpPort));
        env.put("PROGIMAGE_HTTPS_PORT", String.valueOf(freePort()));
        int hzPort = freePort();
        env.put("PROGIMAGE_HZ_PORT", String.valueOf(hzPort));
        env.put("PROGIMAGE_CLUSTER_NAME", "progimage-it-" + ProcessHandle.current().pid());
        env.put("PROGIMAGE_NODE_NAME", name);
        // small enough that the 413 tests send a few MB, large enough for the test images
        env.put("PROGIMAGE_UPLOAD_MAX_BYTES", String.valueOf(MAX_BODY_BYTES));
        // The tests come from 127.0.0.1 as a trusted proxy and name a client per request in
        // X-Forwarded-For (see Api), so the per-IP rate limit counts each test on its own.
        env.put("PROGIMAGE_RATE_TRUSTED_PROXIES", "127.0.0.1");
        env.put("PROGIMAGE_WAR", System.getProperty("progimage.it.war", "target/progimage.war"));
        // C1 only: the node deploys in about two thirds of the time (notes/payara-micro-recipes.md),
        // and the tests measure behaviour, not throughput; micro/start itself runs the full JIT.
        // Flags already in the environment come after it, so they can override it.
        env.put("PROGIMAGE_JAVA_OPTS", ("-XX:TieredStopAtLevel=1 "
                + System.getenv().getOrDefault("PROGIMAGE_JAVA_OPTS", "")).trim());
        extra.forEach((key, value) -> env.put(key, value.replace(HZ_PORT_PLACEHOLDER, String.valueOf(hzPort))));
        return env;
    }

    public Node startNode(String name, Map<String, String> extra) throws Exception {
        Map<String, String> env = nodeEnvironment(name, extra);
        ManagedProcess process = new ManagedProcess(name, List.of(serverConfig.resolve("micro/start").toString()), env,
                work.resolve("logs/" + name + ".log"), NODE_READY);
        process.awaitReady(NODE_DEADLINE);
        Node node = new Node(process, URI.create("http://127.0.0.1:" + env.get("PROGIMAGE_HTTP_PORT")),
                Integer.parseInt(env.get("PROGIMAGE_HZ_PORT")));
        // Micro reports "ready" even when the app failed to deploy; Payara's /health is UP
        // without the app's checks, so require them.
        Api.Reply ready = Api.send(Api.request(node.baseUri(), "/health/ready").GET().build());
        if (ready.status() != 200 || !ready.body().contains("\"database\"")) {
            process.close();
            throw new IllegalStateException(name + " started but the app is not ready (" + ready.status() + " " + ready.body()
                    + "); see " + process.log());
        }
        return node;
    }

    @Override
    public void close() throws Exception {
        try (ManagedProcess db = database) {
            if (secondNode != null) {
                secondNode.process().close();
            }
            if (node != null) {
                node.process().close();
            }
        }
    }

    public record Node(ManagedProcess process, URI baseUri, int hzPort) {
    }

    /** In PROGIMAGE_HZ_MEMBERS: replaced by the starting node's own Hazelcast port. */
    static final String HZ_PORT_PLACEHOLDER = "@OWN_HZ_PORT@";

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (Files.exists(path)) {
            try (Stream<Path> files = Files.walk(path)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
