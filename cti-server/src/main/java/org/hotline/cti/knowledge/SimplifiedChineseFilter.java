package org.hotline.cti.knowledge;

import java.io.IOException;

import com.ibm.icu.text.Transliterator;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Folds Traditional Chinese characters to Simplified, character by character, so that 漏氣 and
 * 漏气 index and search alike. ICU's Traditional-Simplified transform decides each mapping once;
 * the answer is kept in a table, because running the transform per token made indexing and
 * highlighting several times slower. Characters that ICU maps to more than one character (none
 * among common ones) are left as they are; offsets are untouched, so highlights stay exact.
 */
final class SimplifiedChineseFilter extends TokenFilter {
    private static final Transliterator TO_SIMPLIFIED = Transliterator.getInstance("Traditional-Simplified");
    // 0 = not looked up yet. Racing writers store the same value, so no lock is needed.
    private static final char[] TABLE = new char[Character.MAX_VALUE + 1];

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    SimplifiedChineseFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        char[] buffer = term.buffer();
        for (int i = 0; i < term.length(); i++) {
            buffer[i] = simplified(buffer[i]);
        }
        return true;
    }

    static char simplified(char c) {
        if (c < 0x2E80 || Character.isSurrogate(c)) {
            return c;
        }
        char s = TABLE[c];
        if (s == 0) {
            String t;
            synchronized (TO_SIMPLIFIED) {
                t = TO_SIMPLIFIED.transliterate(String.valueOf(c));
            }
            s = t.length() == 1 ? t.charAt(0) : c;
            TABLE[c] = s;
        }
        return s;
    }
}
