package org.hotline.cti.switching.asterisk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Finds the shared AMI captures ({@code shared/ami-captures} beside the repository). */
final class Captures {
    private Captures() {}

    static Path dir() {
        Path p = Path.of("").toAbsolutePath();
        for (Path at = p; at != null; at = at.getParent()) {
            Path candidate = at.resolve("shared/ami-captures");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("shared/ami-captures not found above " + p
                + " (expected: the shared capture folder beside the repository, ../shared/ami-captures from its root)");
    }

    static AmiTranscript load(String fileName) {
        try {
            return AmiTranscript.load(dir().resolve(fileName));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every AMI transcript (not the FastAGI one). */
    static List<String> amiFiles() {
        try (Stream<Path> files = Files.list(dir())) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.matches("\\d\\d-.*\\.txt") && !n.contains(".fastagi."))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
