package org.hotline.cti.knowledge;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A knowledge search: free text (Chinese, Traditional or Simplified, and English; may be empty
 * when a filter is given), an optional category, tags that every hit must carry, and how many
 * hits to return.
 */
public record SearchQuery(String text, String category, List<String> tags, int limit) {
    public static final int MAX_LIMIT = 100;

    public SearchQuery {
        text = text == null ? "" : text.strip();
        category = category == null ? "" : category.strip();
        tags = List.copyOf(requireNonNull(tags, "tags"));
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit: " + limit + " (expected: 1-" + MAX_LIMIT + ")");
        }
        if (text.length() > 200) {
            throw new IllegalArgumentException("search text: " + text.length() + " characters (expected: at most 200)");
        }
    }

    public static SearchQuery text(String text) {
        return new SearchQuery(text, "", List.of(), 20);
    }

    public SearchQuery inCategory(String c) {
        return new SearchQuery(text, c, tags, limit);
    }

    public SearchQuery withTags(String... t) {
        return new SearchQuery(text, category, List.of(t), limit);
    }

    public SearchQuery limit(int n) {
        return new SearchQuery(text, category, tags, n);
    }
}
