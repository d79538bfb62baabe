package org.hotline.cti.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./hotline}: the one entry point. */
@Command(name = "hotline", mixinStandardHelpOptions = true, version = "Hotline 0.1",
        description = "Hotline: an open-source contact center for utility customer service.",
        subcommands = {ServerCommand.class, DemoCommand.class, BenchCommand.class,
                org.hotline.cti.switching.asterisk.AmiReplayCommand.class})
public final class Main implements Runnable {
    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    public static void main(String[] args) {
        org.slf4j.bridge.SLF4JBridgeHandler.removeHandlersForRootLogger();
        org.slf4j.bridge.SLF4JBridgeHandler.install();
        int code = new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    // Expected failures (database unreachable, port in use, bad option) as one line, no stack trace.
                    cmd.getErr().println("hotline: " + rootMessage(e));
                    return 1;
                }).execute(args);
        System.exit(code);
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
