package org.hotline.supervisor.wallboard;

import java.nio.file.Path;
import java.util.List;

import org.hotline.agent.DeskOptions;

/** The wallboard's own command-line option, {@code --board FILE}, taken out before the desk's options are read. */
public final class BoardOption {
    private BoardOption() {
    }

    /** Removes {@code --board FILE} from {@code args}; the file, or null when not given. */
    public static Path take(List<String> args) {
        int i = args.indexOf("--board");
        if (i < 0) {
            return null;
        }
        if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
            throw new IllegalArgumentException("--board: no file (expected: --board FILE)");
        }
        Path file = Path.of(args.remove(i + 1));
        args.remove(i);
        return file;
    }

    /** The board's settings file: the one given, else {@code wallboard.properties} beside the desk settings. */
    public static Path file(Path given, DeskOptions options) {
        return given != null ? given : options.settings().toAbsolutePath().getParent().resolve(WallboardSettings.FILE_NAME);
    }
}
