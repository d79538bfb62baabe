package org.hotline.cti.switching.asterisk;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.hotline.cti.switching.SwitchEvent;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code ./hotline ami-replay FILE}: serves a transcript on loopback, runs the real adapter against
 * it and prints the port events as JSON lines, then one line with the live model's state.
 */
@Command(name = "ami-replay", mixinStandardHelpOptions = true,
        description = "Replay an AMI transcript through the Asterisk adapter and print the port events as JSON lines.")
public final class AmiReplayCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "transcript in the shared capture format")
    Path file;

    @picocli.CommandLine.Option(names = "--show-actions", description = "also print the actions the adapter sent (to stderr)")
    boolean showActions;

    private final PrintStream out;

    public AmiReplayCommand() {
        this(System.out);
    }

    AmiReplayCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() throws Exception {
        if (!Files.isReadable(file)) {
            System.err.println("ami-replay: cannot read " + file + " (expected: a transcript file)");
            return 2;
        }
        AmiTranscript transcript = AmiTranscript.load(file);
        // asterisk-java prints some events to System.out itself; keep stdout for our JSON lines.
        PrintStream original = System.out;
        AmiReplay.Result result;
        System.setOut(System.err);
        try {
            result = AmiReplay.run(List.of(transcript), FakeAmiServer.Options.replay());
        } finally {
            System.setOut(original);
        }
        for (SwitchEvent e : result.events()) {
            out.println(PortEventJson.of(e));
        }
        out.println(result.finalState());
        if (showActions) {
            result.actionsSent().forEach(a -> System.err.println("action " + a));
        }
        return 0;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new AmiReplayCommand()).execute(args));
    }
}
