package org.hotline.supervisor.reports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import com.lowagie.text.pdf.BaseFont;

/**
 * Finds a font file with Chinese glyphs for the PDF to embed (OpenPDF needs a file, not a
 * family): {@code HOTLINE_PDF_FONT} when set, then Microsoft YaHei / JhengHei / SimSun on Windows,
 * Noto Sans CJK, WenQuanYi or Source Han Sans on Linux, Arial Unicode on macOS. A
 * collection (.ttc) names the face after a comma, e.g. {@code NotoSansCJK-Regular.ttc,2}.
 */
final class CjkFontFile {
    private static final List<Path> DIRECTORIES = List.of(Path.of("C:\\Windows\\Fonts"), Path.of("/usr/share/fonts"),
            Path.of("/usr/local/share/fonts"), Path.of(System.getProperty("user.home"), ".fonts"),
            Path.of(System.getProperty("user.home"), ".local", "share", "fonts"), Path.of("/Library/Fonts"),
            Path.of("/System/Library/Fonts/Supplemental"));
    private static final List<String> NAMES = List.of("msyh.ttc", "msjh.ttc", "simsun.ttc", "notosanscjk-regular.ttc",
            "notosanscjksc-regular.otf", "notosanssc-regular.otf", "notoserifcjk-regular.ttc", "wqy-microhei.ttc",
            "wqy-zenhei.ttc", "sourcehansanssc-regular.otf", "arial unicode.ttf");

    private CjkFontFile() {
    }

    /** The font to embed, as OpenPDF names it; empty when this machine has none. */
    static Optional<String> find() {
        String configured = System.getenv("HOTLINE_PDF_FONT");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(configured.strip());
        }
        List<Path> found = new ArrayList<>();
        for (Path dir : DIRECTORIES) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(dir, 4)) {
                files.filter(p -> NAMES.contains(p.getFileName().toString().toLowerCase(Locale.ROOT))).forEach(found::add);
            } catch (IOException | java.io.UncheckedIOException e) {
                // an unreadable font folder: look in the others
            }
        }
        found.sort(java.util.Comparator.comparingInt(p -> NAMES.indexOf(p.getFileName().toString().toLowerCase(Locale.ROOT))));
        return found.stream().findFirst().map(CjkFontFile::face);
    }

    /** A collection's Simplified Chinese face when it names one, else its first. */
    private static String face(Path file) {
        String path = file.toString();
        if (!path.toLowerCase(Locale.ROOT).endsWith(".ttc")) {
            return path;
        }
        try {
            String[] names = BaseFont.enumerateTTCNames(path);
            for (int i = 0; i < names.length; i++) {
                String n = names[i].toLowerCase(Locale.ROOT);
                if (n.contains("sc") && n.contains("cjk") || n.contains("yahei") && !n.contains("ui")) {
                    return path + "," + i;
                }
            }
        } catch (com.lowagie.text.DocumentException | IOException e) {
            // fall through to the first face
        }
        return path + ",0";
    }
}
