package org.hotline.cti.knowledge;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where articles and bulletins are kept (the database of one site). The full-text index is not
 * here: it is rebuilt from {@link #forEachArticle} and kept current by {@link KnowledgeBase}.
 */
public interface KnowledgeStore {

    /** Every article of the site, in id order, streamed so that a large corpus is not held twice. */
    void forEachArticle(Consumer<Article> action);

    Optional<Article> article(long id);

    long articleCount();

    /** Stores a new article; returns it with its id and version 1. */
    Article insert(Article draft, String by, Instant at);

    /** Stores many new articles in batches (demo data, benchmarks); returns them with their ids. */
    List<Article> insertAll(List<Article> drafts, String by, Instant at);

    /**
     * Replaces the article with {@code edited.id()} if it is still at {@code edited.version()}.
     *
     * @throws org.hotline.cti.core.CommandException NOT_FOUND when there is no such article,
     *         FAILED_PRECONDITION when someone else saved it in between
     */
    Article update(Article edited, String by, Instant at);

    /** Deletes the article; false when there was none with this id. */
    boolean delete(long id);

    /** Stores a bulletin; returns it with its id. */
    Bulletin insert(Bulletin bulletin);

    /** Bulletins still to be shown after {@code at} (valid now or later), oldest first. */
    List<Bulletin> bulletinsUntilAfter(Instant at);
}
