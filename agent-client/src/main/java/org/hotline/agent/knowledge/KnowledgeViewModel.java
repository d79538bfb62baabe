package org.hotline.agent.knowledge;

import java.util.List;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.hotline.agent.ErrorTexts;
import org.hotline.agent.Messages;
import org.hotline.agent.knowledge.Highlights.Segment;
import org.hotline.api.v1.Article;
import org.hotline.api.v1.ArticleHit;
import org.hotline.api.v1.SearchArticlesResponse;

import static java.util.Objects.requireNonNull;

/**
 * The knowledge panel: a query searched as the agent types (debounced), the hits with their
 * matches as segments, the article opened from a hit, and copying its standard answer. Lives
 * on the FX thread; holds no node.
 */
public final class KnowledgeViewModel {
    static final int LIMIT = 20;

    private final KnowledgeGateway gateway;
    private final Messages messages;
    private final ErrorTexts errors;
    private final Debouncer debouncer;
    private final TextClipboard clipboard;

    private final StringProperty query = new SimpleStringProperty("");
    private final ObservableList<Hit> hits = FXCollections.observableArrayList();
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final ObjectProperty<Article> article = new SimpleObjectProperty<>();
    private final StringProperty articleMeta = new SimpleStringProperty("");
    private final BooleanProperty canCopy = new SimpleBooleanProperty();
    // Answers to older queries or clicks arrive late sometimes: only the newest one is shown.
    private long searchSeq;
    private long articleSeq;

    /** One search hit as the list shows it. */
    public record Hit(long id, List<Segment> title, String category, List<String> tags, List<List<Segment>> fragments) {
        public String plainTitle() {
            StringBuilder b = new StringBuilder();
            title.forEach(s -> b.append(s.text()));
            return b.toString();
        }
    }

    public KnowledgeViewModel(KnowledgeGateway gateway, Messages messages, Debouncer debouncer, TextClipboard clipboard) {
        this.gateway = requireNonNull(gateway, "gateway");
        this.messages = requireNonNull(messages, "messages");
        this.errors = new ErrorTexts(messages);
        this.debouncer = requireNonNull(debouncer, "debouncer");
        this.clipboard = requireNonNull(clipboard, "clipboard");
        query.addListener((o, a, b) -> debouncer.restart(this::search));
        article.addListener((o, a, b) -> {
            canCopy.set(b != null && !b.getStandardAnswer().isBlank());
            articleMeta.set(b == null ? "" : b.getTagsCount() == 0 ? b.getCategory()
                    : messages.get("kb.meta", b.getCategory(), String.join(", ", b.getTagsList())));
        });
    }

    /** Searches the current query now (the debouncer calls this; Enter in the box, too). */
    public void search() {
        String text = query.get() == null ? "" : query.get().strip();
        long seq = ++searchSeq;
        if (text.isEmpty()) {
            hits.clear();
            status.set("");
            error.set("");
            return;
        }
        status.set(messages.get("kb.searching"));
        gateway.search(text, LIMIT).whenComplete((r, e) -> {
            if (seq != searchSeq) {
                return;
            }
            if (e != null) {
                hits.clear();
                status.set("");
                error.set(errors.of(e));
                return;
            }
            error.set("");
            show(r);
        });
    }

    private void show(SearchArticlesResponse r) {
        hits.setAll(r.getHitsList().stream().map(KnowledgeViewModel::hit).toList());
        status.set(r.getHitsCount() == 0 ? messages.get("kb.none", query.get().strip())
                : messages.get("kb.found", r.getTotalHits()));
    }

    private static Hit hit(ArticleHit h) {
        List<Segment> title = h.getTitleHighlight().isEmpty() ? List.of(new Segment(h.getTitle(), false))
                : Highlights.parse(h.getTitleHighlight());
        return new Hit(h.getId(), title, h.getCategory(), List.copyOf(h.getTagsList()),
                h.getFragmentsList().stream().map(Highlights::parse).toList());
    }

    /** Opens the article of a hit. */
    public void open(Hit hit) {
        if (hit == null) {
            return;
        }
        long seq = ++articleSeq;
        gateway.article(hit.id()).whenComplete((a, e) -> {
            if (seq != articleSeq) {
                return;
            }
            if (e != null) {
                error.set(errors.of(e));
                return;
            }
            error.set("");
            article.set(a);
        });
    }

    /** Puts the open article's standard answer on the clipboard, to paste into a chat or a note. */
    public void copyAnswer() {
        Article a = article.get();
        if (a == null || a.getStandardAnswer().isBlank()) {
            return;
        }
        clipboard.put(a.getStandardAnswer());
        status.set(messages.get("kb.copied"));
    }

    public StringProperty queryProperty() {
        return query;
    }

    public ObservableList<Hit> hits() {
        return FXCollections.unmodifiableObservableList(hits);
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    public ReadOnlyObjectProperty<Article> articleProperty() {
        return article;
    }

    /** "category · tags" of the open article. */
    public ReadOnlyStringProperty articleMetaProperty() {
        return articleMeta;
    }

    public ReadOnlyBooleanProperty canCopyProperty() {
        return canCopy;
    }
}
