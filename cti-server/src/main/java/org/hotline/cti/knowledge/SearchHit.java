package org.hotline.cti.knowledge;

import java.util.List;

/**
 * One article found, best first. {@code titleHighlight} and {@code fragments} are plain text
 * with the matched words between {@code <em>} and {@code </em>} (everything else escaped);
 * {@code fragments} are taken from the body and the standard answer.
 */
public record SearchHit(long articleId, String title, String category, List<String> tags, float score,
                        String titleHighlight, List<String> fragments) {
    public SearchHit {
        tags = List.copyOf(tags);
        fragments = List.copyOf(fragments);
    }
}
