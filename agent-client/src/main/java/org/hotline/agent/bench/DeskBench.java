package org.hotline.agent.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./hotline bench desk}: how fast the desk starts and how calm its FX thread stays under
 * load. (1) Cold start: a fresh JVM per run, from process start to the login window on screen.
 * (2) A demo server at 20 calls/s (its own process) and a real desk in this JVM logged in at a
 * free seat, answering and hanging up every call it gets, so the pop and the timeline update
 * all the time, while {@link FxStallMonitor} measures the FX thread. Prints readable figures and,
 * last, one JSON line. Needs a display (run it under {@code xvfb-run} on a server).
 */
public final class DeskBench {
    static final String SHOWN = "hotline-desk: login window shown";
    private static final Pattern DEMO = Pattern.compile(
            "^Hotline demo: .*free seats for people: \\[(\\d+).*gRPC port (\\d+)(?:, certificate SHA-256 ([0-9A-F:]+))?");

    private static List<String> jvmOptions = List.of();

    private DeskBench() {
    }

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        if (System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null
                && !System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("win")) {
            System.err.println("bench desk: no display (expected: DISPLAY set; on a server run it as"
                    + " xvfb-run -a -s '-screen 0 1366x768x24' ./hotline bench desk)");
            System.exit(2);
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("java.class.path");
        // The desks it starts render like this JVM would (e.g. -Dprism.order=sw under Xvfb).
        String prism = System.getProperty("prism.order");
        List<String> options = new ArrayList<>();
        if (prism != null) {
            options.add("-Dprism.order=" + prism);
        }
        // What ./hotline starts an installed-like desk with (its class-data archive), so the desks measured start the same way.
        for (String option : System.getProperty("hotline.desk.jvmOptions", "").trim().split("\\s+")) {
            if (!option.isEmpty()) {
                options.add(option);
            }
        }
        jvmOptions = List.copyOf(options);

        List<Long> starts = new ArrayList<>();
        for (int i = 0; i < o.coldStarts; i++) {
            starts.add(coldStart(java, classpath));
        }
        starts.sort(null);
        long median = starts.get(starts.size() / 2);
        long max = starts.get(starts.size() - 1);
        System.out.printf(Locale.ROOT, "cold start to login window: median %d ms, max %d ms over %d starts (target <= 1500 ms)%n",
                median, max, starts.size());

        Path data = o.dataDir;
        Files.createDirectories(data);
        Process server = new ProcessBuilder(java, "-jar", o.serverJar.toString(), "demo", "--data-dir", data.toString(),
                "--grpc-port", "0", "--ops-port", "0", "--calls-per-hour", String.valueOf(o.callsPerSecond * 3600),
                "--free-seats", "1", "--seconds", String.valueOf(o.seconds + 300))
                .redirectErrorStream(true).start();
        try {
            Matcher demo = awaitDemo(server);
            String seat = demo.group(1);
            int port = Integer.parseInt(demo.group(2));
            String fingerprint = demo.group(3);
            System.out.printf("demo server up: %s calls/s, desk logs in as %s on port %d%n", o.callsPerSecond, seat, port);
            double[] r = runDesk(java, classpath, port, fingerprint, seat, o.seconds, data.resolve("desk.properties"));
            double[] f = r;
            long calls = (long) r[7];
            long pops = (long) r[8];
            boolean met = median <= 1500 && f[2] <= 16 && f[6] <= 100;
            System.out.printf(Locale.ROOT, "FX thread over %d s with %d calls handled (%d pops): per-frame work p50 %.2f ms,"
                            + " p99 %.2f ms (target <= 16), max %.2f ms over %d frames; probe delay p99 %.2f ms,"
                            + " longest stall %.2f ms (target <= 100)%n",
                    o.seconds, calls, pops, f[1], f[2], f[3], (long) f[0], f[5], f[6]);
            System.out.printf(Locale.ROOT, "{\"bench\":\"desk\",\"cold_start_ms_median\":%d,\"cold_start_ms_max\":%d,"
                            + "\"server_calls_per_second\":%s,\"seconds\":%d,\"calls_handled\":%d,\"pops\":%d,\"frames\":%d,"
                            + "\"frame_ms_p50\":%.2f,\"frame_ms_p99\":%.2f,\"frame_ms_max\":%.2f,\"fx_stall_ms_p99\":%.2f,"
                            + "\"fx_stall_ms_max\":%.2f,\"targets_met\":%s}%n",
                    median, max, o.callsPerSecond, o.seconds, calls, pops, (long) f[0], f[1], f[2], f[3], f[5], f[6], met);
        } finally {
            server.destroy();
            server.waitFor(10, TimeUnit.SECONDS);
        }
        System.exit(0);
    }

    private static long coldStart(String java, String classpath) throws IOException, InterruptedException {
        Path settings = Files.createTempFile("hotline-bench-desk", ".properties");
        long t0 = System.nanoTime();
        List<String> cmd = new ArrayList<>(List.of(java));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-D" + BenchHooks.EXIT_WHEN_SHOWN + "=true", "-cp", classpath,
                "org.hotline.agent.Main", "--settings", settings.toString(), "--server", "localhost:1"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.contains(SHOWN)) {
                    long ms = (System.nanoTime() - t0) / 1_000_000;
                    p.waitFor(10, TimeUnit.SECONDS);
                    return ms;
                }
            }
        } finally {
            p.destroyForcibly();
            Files.deleteIfExists(settings);
        }
        throw new IllegalStateException("the desk exited without showing its login window (exit " + p.waitFor() + ")");
    }

    /** A real desk in its own JVM, logged in at the demo's free seat, working calls; returns its FX figures. */
    private static double[] runDesk(String java, String classpath, int port, String fingerprint, String seat, int seconds,
                                    Path settings) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(java));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-D" + BenchHooks.AGENT + "=" + seat,
                "-D" + BenchHooks.PASSWORD + "=demo" + seat, "-D" + BenchHooks.SECONDS + "=" + seconds,
                "-cp", classpath, "org.hotline.agent.Main", "--settings", settings.toString(), "--silent",
                "--server", "localhost:" + port));
        if (fingerprint == null) {
            cmd.add("--plaintext");
        } else {
            cmd.addAll(List.of("--fingerprint", fingerprint));
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith(BenchHooks.RESULT)) {
                    String[] parts = line.substring(BenchHooks.RESULT.length()).trim().split(" ");
                    double[] out = new double[parts.length];
                    for (int i = 0; i < parts.length; i++) {
                        out[i] = Double.parseDouble(parts[i]);
                    }
                    return out;
                }
                if (line.contains("WARN") || line.contains("ERROR")) {
                    System.out.println("desk: " + line);
                }
            }
        } finally {
            p.destroy();
            p.waitFor(10, TimeUnit.SECONDS);
        }
        throw new IllegalStateException("the benchmark desk ended without figures (exit " + p.exitValue() + ")");
    }

    private static Matcher awaitDemo(Process server) throws Exception {
        CompletableFuture<Matcher> found = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    Matcher m = DEMO.matcher(line);
                    if (!found.isDone() && m.find()) {
                        found.complete(m);
                    }
                }
                found.completeExceptionally(new IllegalStateException("the demo server ended before serving"));
            } catch (IOException e) {
                found.completeExceptionally(e);
            }
        }, "demo-output");
        reader.setDaemon(true);
        reader.start();
        return found.get(15, TimeUnit.MINUTES);
    }

    record Options(Path serverJar, int seconds, int callsPerSecond, int coldStarts, Path dataDir) {
        static Options parse(String[] args) {
            Path jar = null;
            int seconds = 60;
            int cps = 20;
            int cold = 5;
            Path data = Path.of(System.getProperty("java.io.tmpdir"), "hotline-bench-desk");
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--server-jar" -> jar = Path.of(args[++i]);
                    case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                    case "--cps" -> cps = Integer.parseInt(args[++i]);
                    case "--cold-starts" -> cold = Integer.parseInt(args[++i]);
                    case "--data-dir" -> data = Path.of(args[++i]);
                    default -> throw new IllegalArgumentException("bench desk: unknown option " + args[i]
                            + " (expected: --seconds N, --cps N, --cold-starts N, --data-dir DIR)");
                }
            }
            if (jar == null) {
                throw new IllegalArgumentException("bench desk: --server-jar is required (./hotline passes it)");
            }
            return new Options(jar, seconds, cps, cold, data);
        }
    }
}
