package org.hotline.cti.ops;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The named {@link HealthCheck}s behind {@code /health}. Features register theirs while the
 * composition root wires the server; {@link #run} asks all of them at once, each with a deadline.
 *
 * <p>Logs one line when a check goes down and one when it comes back, not one per poll.
 * Thread-safe.
 */
public final class HealthChecks {

    private static final Logger LOG = LoggerFactory.getLogger(HealthChecks.class);
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");

    private final List<Map.Entry<String, HealthCheck>> checks = new CopyOnWriteArrayList<>();
    private final Map<String, Boolean> lastHealthy = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<HealthCheck.Result>> inFlight = new ConcurrentHashMap<>();

    /**
     * Adds {@code check} under {@code name} (lower case, digits, {@code . _ -}; e.g. "event-loop").
     *
     * @throws IllegalArgumentException when the name is malformed or already taken
     */
    public synchronized HealthChecks register(String name, HealthCheck check) {
        requireNonNull(name, "name");
        requireNonNull(check, "check");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("health check name: '" + name
                    + "' (expected: lower case letters, digits, '.', '_' or '-', such as \"event-loop\")");
        }
        if (names().contains(name)) {
            throw new IllegalArgumentException("health check name: '" + name + "' (expected: a name not yet"
                    + " registered; registered: " + names() + ")");
        }
        checks.add(Map.entry(name, check));
        return this;
    }

    /** The registered names, in registration order. */
    public List<String> names() {
        return checks.stream().map(Map.Entry::getKey).toList();
    }

    /**
     * Runs every check on {@code executor} at once and waits for all of them; a check that has not
     * answered within {@code timeout} counts as down, so one hung component cannot hang the probe.
     */
    public HealthReport run(Executor executor, Duration timeout) {
        requireNonNull(executor, "executor");
        requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout: " + timeout + " (expected: > 0)");
        }
        Map<String, CompletableFuture<HealthCheck.Result>> running = new LinkedHashMap<>();
        for (Map.Entry<String, HealthCheck> check : checks) {
            running.put(check.getKey(), start(check.getKey(), check.getValue(), executor, timeout));
        }
        Map<String, HealthCheck.Result> results = new LinkedHashMap<>();
        running.forEach((name, result) -> results.put(name, result.join()));
        results.forEach(this::logChange);
        return new HealthReport(results);
    }

    private CompletableFuture<HealthCheck.Result> start(String name, HealthCheck check, Executor executor,
                                                        Duration timeout) {
        CompletableFuture<HealthCheck.Result> run;
        try {
            // A check still running from an earlier poll is waited for again, not started again: a hung
            // component then holds one health thread, not one per poll, and the other checks keep working.
            run = inFlight.compute(name, (key, earlier) -> earlier != null && !earlier.isDone()
                    ? earlier
                    : CompletableFuture.supplyAsync(() -> requireNonNull(check.check(), "health check result"), executor));
        } catch (RejectedExecutionException e) {
            return CompletableFuture.completedFuture(
                    HealthCheck.Result.down("not run: every health thread is busy with checks that do not answer"));
        }
        // The copy times out for this poll only; the run itself stays in flight for the next one.
        return run.copy()
                .completeOnTimeout(HealthCheck.Result.down("no answer within " + timeout.toMillis() + " ms"),
                        timeout.toMillis(), TimeUnit.MILLISECONDS)
                .exceptionally(HealthChecks::failed);
    }

    private static HealthCheck.Result failed(Throwable thrown) {
        Throwable cause = thrown.getCause() != null ? thrown.getCause() : thrown;
        String message = cause.getMessage();
        return HealthCheck.Result.down(cause.getClass().getSimpleName() + (message == null ? "" : ": " + message));
    }

    private void logChange(String name, HealthCheck.Result result) {
        Boolean before = lastHealthy.put(name, result.healthy());
        if (result.healthy() && Boolean.FALSE.equals(before)) {
            LOG.info("Health check '{}' is UP again{}", name, detail(result));
        } else if (!result.healthy() && !Boolean.FALSE.equals(before)) {
            LOG.warn("Health check '{}' is DOWN{}", name, detail(result));
        }
    }

    private static String detail(HealthCheck.Result result) {
        return result.detail().isEmpty() ? "" : ": " + result.detail();
    }
}
