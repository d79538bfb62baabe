package org.hotline.agent.ui;

import java.util.List;
import java.util.Set;

import javafx.scene.text.Font;

/**
 * Picks a font that renders Chinese on the desk's machine: Microsoft YaHei on Windows, Noto or
 * WenQuanYi on Linux, else the platform default (which falls back per glyph).
 */
public final class Fonts {
    private static final List<String> PREFERRED = List.of("Microsoft YaHei UI", "Microsoft YaHei", "Microsoft JhengHei UI",
            "Noto Sans CJK SC", "Noto Sans CJK TC", "Noto Sans SC", "WenQuanYi Micro Hei", "Source Han Sans SC",
            "PingFang SC");

    private Fonts() {
    }

    /** A root style such as {@code -fx-font-family: 'Noto Sans CJK SC';}, or empty for the default. */
    public static String rootStyle() {
        Set<String> installed = Set.copyOf(Font.getFamilies());
        return PREFERRED.stream().filter(installed::contains).findFirst()
                .map(f -> "-fx-font-family: '" + f + "';").orElse("");
    }
}
