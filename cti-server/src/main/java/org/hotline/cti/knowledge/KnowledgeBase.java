package org.hotline.cti.knowledge;

import java.time.Clock;
import java.util.List;

import org.hotline.cti.core.CommandException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * The knowledge base: articles kept in the {@link KnowledgeStore} and searchable through the
 * {@link KnowledgeIndex}. Every save and delete goes to the database first and then to the index,
 * so a search never finds an article the database does not have for longer than one call.
 * Called from gRPC worker threads, never from the event loop (it does I/O).
 */
public final class KnowledgeBase {
    private static final Logger log = LoggerFactory.getLogger(KnowledgeBase.class);

    private final KnowledgeStore store;
    private final KnowledgeIndex index;
    private final Clock clock;

    private KnowledgeBase(KnowledgeStore store, KnowledgeIndex index, Clock clock) {
        this.store = store;
        this.index = index;
        this.clock = clock;
    }

    /** Rebuilds the index from the store (the database is the source of truth) and returns the base. */
    public static KnowledgeBase open(KnowledgeStore store, KnowledgeIndex index, Clock clock) {
        requireNonNull(store, "store");
        requireNonNull(index, "index");
        requireNonNull(clock, "clock");
        long started = System.nanoTime();
        long n = index.rebuild(store);
        log.info("knowledge index rebuilt: {} articles in {} ms", n, (System.nanoTime() - started) / 1_000_000);
        return new KnowledgeBase(store, index, clock);
    }

    public SearchResult search(SearchQuery q) {
        return index.search(q);
    }

    /** @throws CommandException NOT_FOUND when there is no article with this id */
    public Article article(long id) {
        return store.article(id).orElseThrow(() -> new CommandException(CommandException.Code.NOT_FOUND,
                "article " + id + ": not found (expected: an existing article id)"));
    }

    /**
     * Creates the article when its id is 0, otherwise replaces it if nobody saved it since
     * {@code article.version()} (else FAILED_PRECONDITION: the editor reloads, nothing is lost silently).
     */
    public Article save(Article article, String by) {
        requireNonNull(article, "article");
        requireNonNull(by, "by");
        Article saved = article.id() == 0 ? store.insert(article, by, clock.instant())
                : store.update(article, by, clock.instant());
        index.put(saved);
        log.info("article {} '{}' saved by {} (version {})", saved.id(), saved.title(), by, saved.version());
        return saved;
    }

    /** Stores many new articles at once (demo data, generated corpora) and indexes them. */
    public List<Article> saveAll(List<Article> drafts, String by) {
        List<Article> saved = store.insertAll(drafts, by, clock.instant());
        index.putAll(saved);
        return saved;
    }

    /** @throws CommandException NOT_FOUND when there is no article with this id */
    public void delete(long id, String by) {
        if (!store.delete(id)) {
            throw new CommandException(CommandException.Code.NOT_FOUND,
                    "article " + id + ": not found (expected: an existing article id)");
        }
        index.remove(id);
        log.info("article {} deleted by {}", id, by);
    }

    public long articleCount() {
        return store.articleCount();
    }
}
