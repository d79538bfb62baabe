package org.hotline.cti.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./hotline bench <suite>}: benchmarks that print readable figures and, last, one JSON line. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Run a benchmark suite.",
        subcommands = {org.hotline.cti.bench.CtiBench.class, org.hotline.cti.bench.DataBench.class,
                org.hotline.cti.bench.ReportBench.class,
                org.hotline.cti.switching.asterisk.AmiBenchCommand.class})
final class BenchCommand implements Runnable {
    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }
}
