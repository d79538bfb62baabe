package org.hotline.cti.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.text.BreakIterator;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.QueryBuilder;

import static java.util.Objects.requireNonNull;

/**
 * The full-text index of the articles: a Lucene index in a folder of the data directory. It is a
 * cache of the database, not a second source of truth: {@link #rebuild} fills it from the
 * store at start, and every saved or deleted article is applied at once (visible to the next
 * search, no commit needed because a crash only costs a rebuild). The same behaviour on H2 and
 * MySQL/MariaDB follows: the database only stores rows.
 *
 * <p>Ranking is BM25 over title (weight 3), tags (2), body and standard answer (1 each), with
 * a bonus when the words appear in the query's order. Thread-safe.
 */
public final class KnowledgeIndex implements AutoCloseable {
    static final String ID = "id";
    static final String TITLE = "title";
    static final String BODY = "body";
    static final String ANSWER = "answer";
    static final String TAGS_TEXT = "tags_text";
    static final String CATEGORY = "category";
    static final String TAG = "tag";

    private static final int SNIPPET_CHARS = 120;
    // Offsets in the postings let the highlighter mark matches without analysing the text again
    // (re-analysis per hit cost more than the search itself).
    private static final FieldType HIGHLIGHTED = highlighted();

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Analyzer queryAnalyzer = KnowledgeAnalyzer.forQuery();

    private KnowledgeIndex(Directory directory) throws IOException {
        this.directory = directory;
        IndexWriterConfig config = new IndexWriterConfig(KnowledgeAnalyzer.forIndex())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setRAMBufferSizeMB(64);
        this.writer = new IndexWriter(directory, config);
        this.searchers = new SearcherManager(writer, null);
    }

    /** Opens (or creates) the index in {@code folder}; call {@link #rebuild} before searching. */
    public static KnowledgeIndex open(Path folder) {
        requireNonNull(folder, "folder");
        try {
            return new KnowledgeIndex(FSDirectory.open(folder));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the knowledge index in " + folder + ": " + e.getMessage(), e);
        }
    }

    /** Replaces the whole index with the store's articles; returns how many were indexed. */
    public long rebuild(KnowledgeStore store) {
        long[] n = {0};
        try {
            writer.deleteAll();
            store.forEachArticle(a -> {
                add(a);
                n[0]++;
            });
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException("rebuilding the knowledge index: " + e.getMessage(), e);
        }
        return n[0];
    }

    /** Adds or replaces one article. */
    public void put(Article a) {
        putAll(List.of(a));
    }

    /** Adds or replaces articles, visible to searches after one refresh for them all. */
    public void putAll(List<Article> articles) {
        try {
            for (Article a : articles) {
                writer.updateDocument(new Term(ID, Long.toString(a.id())), document(a));
            }
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException("indexing " + articles.size() + " articles: " + e.getMessage(), e);
        }
    }

    public void remove(long articleId) {
        try {
            writer.deleteDocuments(new Term(ID, Long.toString(articleId)));
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException("removing article " + articleId + " from the index: " + e.getMessage(), e);
        }
    }

    private void add(Article a) {
        try {
            writer.addDocument(document(a));
        } catch (IOException e) {
            throw new UncheckedIOException("indexing article " + a.id() + ": " + e.getMessage(), e);
        }
    }

    private static Document document(Article a) {
        Document d = new Document();
        d.add(new StringField(ID, Long.toString(a.id()), Field.Store.YES));
        d.add(new Field(TITLE, a.title(), HIGHLIGHTED));
        d.add(new Field(BODY, a.body(), HIGHLIGHTED));
        d.add(new Field(ANSWER, a.standardAnswer(), HIGHLIGHTED));
        d.add(new TextField(TAGS_TEXT, String.join(" ", a.tags()), Field.Store.NO));
        d.add(new StringField(CATEGORY, a.category(), Field.Store.YES));
        a.tags().forEach(t -> d.add(new StringField(TAG, t, Field.Store.YES)));
        return d;
    }

    private static FieldType highlighted() {
        FieldType t = new FieldType(TextField.TYPE_STORED);
        t.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        t.freeze();
        return t;
    }

    /** The best hits for {@code q}, with highlighted title and fragments. */
    public SearchResult search(SearchQuery q) {
        requireNonNull(q, "q");
        TextQuery text = textQuery(q.text());
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        if (text != null) {
            b.add(text.ranked(), Occur.MUST);
        } else if (!q.text().isEmpty()) {
            // Only stop words or punctuation: nothing can match.
            return new SearchResult(0, List.of());
        } else {
            b.add(new MatchAllDocsQuery(), Occur.MUST);
        }
        if (!q.category().isEmpty()) {
            b.add(new TermQuery(new Term(CATEGORY, q.category())), Occur.FILTER);
        }
        q.tags().forEach(t -> b.add(new TermQuery(new Term(TAG, t.strip())), Occur.FILTER));
        Query query = b.build();
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                TopDocs top = searcher.search(query, q.limit());
                int[] docs = new int[top.scoreDocs.length];
                for (int i = 0; i < docs.length; i++) {
                    docs[i] = top.scoreDocs[i].doc;
                }
                Map<String, String[]> marked = text == null || docs.length == 0 ? Map.of()
                        : highlights(searcher, text.words(), docs);
                List<SearchHit> hits = new ArrayList<>(docs.length);
                var stored = searcher.storedFields();
                for (int i = 0; i < docs.length; i++) {
                    hits.add(hit(stored.document(docs[i]), top.scoreDocs[i].score, marked, i));
                }
                return new SearchResult(top.totalHits.value, hits);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("searching the knowledge index: " + e.getMessage(), e);
        }
    }

    /**
     * {@code ranked} finds and orders the hits; {@code words} is its part without phrases, for the
     * highlighter (phrases made it analyse every hit's text again, several times slower).
     */
    private record TextQuery(Query ranked, Query words) {}

    private TextQuery textQuery(String text) {
        if (text.isEmpty()) {
            return null;
        }
        QueryBuilder qb = new QueryBuilder(queryAnalyzer);
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        BooleanQuery.Builder words = new BooleanQuery.Builder();
        boolean any = false;
        for (var field : new Object[][] {{TITLE, 3f}, {TAGS_TEXT, 2f}, {BODY, 1f}, {ANSWER, 1f}}) {
            Query q = qb.createBooleanQuery((String) field[0], text, Occur.SHOULD);
            if (q != null) {
                b.add(new BoostQuery(q, (Float) field[1]), Occur.SHOULD);
                words.add(q, Occur.SHOULD);
                any = true;
            }
        }
        // Words in the query's order (e.g. the whole term 燃氣漏氣, or "gas leak") rank above scattered ones.
        for (var field : new Object[][] {{TITLE, 3f}, {BODY, 1.5f}}) {
            Query phrase = qb.createPhraseQuery((String) field[0], text);
            if (phrase != null) {
                b.add(new BoostQuery(phrase, (Float) field[1]), Occur.SHOULD);
            }
        }
        return any ? new TextQuery(b.build(), words.build()) : null;
    }

    /** Title (whole) and up to two passages of body and answer per hit, matches between em tags, HTML-escaped. */
    private Map<String, String[]> highlights(IndexSearcher searcher, Query text, int[] docs) throws IOException {
        DefaultPassageFormatter em = new DefaultPassageFormatter("<em>", "</em>", "… ", true);
        Map<String, String[]> out = new java.util.HashMap<>(UnifiedHighlighter.builder(searcher, queryAnalyzer)
                .withFormatter(em).withBreakIterator(WholeBreakIterator::new).withMaxNoHighlightPassages(0).build()
                .highlightFields(new String[] {TITLE}, text, docs, new int[] {1}));
        out.putAll(UnifiedHighlighter.builder(searcher, queryAnalyzer).withFormatter(em).withMaxNoHighlightPassages(0)
                .withBreakIterator(() -> BreakIterator.getSentenceInstance(Locale.ROOT)).build()
                .highlightFields(new String[] {BODY, ANSWER}, text, docs, new int[] {2, 1}));
        return out;
    }

    private static SearchHit hit(Document d, float score, Map<String, String[]> marked, int i) {
        String title = d.get(TITLE);
        String body = d.get(BODY);
        List<String> fragments = new ArrayList<>();
        for (String field : new String[] {BODY, ANSWER}) {
            String f = marked.containsKey(field) ? marked.get(field)[i] : null;
            if (f != null && f.contains("<em>")) {
                fragments.add(f.strip());
            }
        }
        if (fragments.isEmpty()) {
            fragments.add(escape(body.length() <= SNIPPET_CHARS ? body : body.substring(0, SNIPPET_CHARS) + "…"));
        }
        String titleHighlight = marked.containsKey(TITLE) ? marked.get(TITLE)[i] : null;
        return new SearchHit(Long.parseLong(d.get(ID)), title, d.get(CATEGORY), List.of(d.getValues(TAG)), score,
                titleHighlight == null || !titleHighlight.contains("<em>") ? escape(title) : titleHighlight, fragments);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Number of articles in the index (as of the last change). */
    public int size() {
        try {
            IndexSearcher s = searchers.acquire();
            try {
                return s.getIndexReader().numDocs();
            } finally {
                searchers.release(s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            searchers.close();
            writer.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException("closing the knowledge index: " + e.getMessage(), e);
        }
    }
}
