package org.hotline.cti.knowledge;

import java.time.Instant;
import java.util.TreeSet;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A knowledge-base article: fault answers, complaint-handling lines, procedures. {@code body} is
 * what the agent reads; {@code standardAnswer} is the standard wording (規範用語) to say to the
 * caller. Tags are kept sorted and without duplicates. {@code id} is 0 and {@code version} 0 for an article not saved yet; {@code version}
 * guards concurrent edits (optimistic locking).
 */
public record Article(long id, String title, String category, List<String> tags, String body, String standardAnswer,
                      long version, Instant updatedAt, String updatedBy) {
    public static final int MAX_TITLE = 200;
    public static final int MAX_NAME = 64;

    public Article {
        requireNonNull(title, "title");
        requireNonNull(category, "category");
        requireNonNull(tags, "tags");
        requireNonNull(body, "body");
        standardAnswer = standardAnswer == null ? "" : standardAnswer;
        updatedBy = updatedBy == null ? "" : updatedBy;
        title = title.strip();
        category = category.strip();
        if (title.isEmpty() || title.length() > MAX_TITLE) {
            throw new IllegalArgumentException("title: '" + title + "' (expected: 1-" + MAX_TITLE + " characters)");
        }
        if (category.isEmpty() || category.length() > MAX_NAME) {
            throw new IllegalArgumentException("category: '" + category + "' (expected: 1-" + MAX_NAME + " characters)");
        }
        // Sorted, as the store returns them: an article reads back equal to what was saved.
        TreeSet<String> clean = new TreeSet<>();
        for (String tag : tags) {
            String t = requireNonNull(tag, "tag").strip();
            if (t.isEmpty() || t.length() > MAX_NAME) {
                throw new IllegalArgumentException("tag: '" + t + "' (expected: 1-" + MAX_NAME + " characters)");
            }
            clean.add(t);
        }
        tags = List.copyOf(clean);
    }

    /** A new, unsaved article. */
    public static Article draft(String title, String category, List<String> tags, String body, String standardAnswer) {
        return new Article(0, title, category, tags, body, standardAnswer, 0, null, "");
    }

    /** The same content with the id, version and audit fields the store gave it. */
    public Article saved(long newId, long newVersion, Instant at, String by) {
        return new Article(newId, title, category, tags, body, standardAnswer, newVersion, at, by);
    }
}
