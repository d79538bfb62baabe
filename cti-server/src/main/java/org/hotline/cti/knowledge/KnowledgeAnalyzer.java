package org.hotline.cti.knowledge;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * Text analysis for mixed Chinese and English articles.
 *
 * <p>Chinese has no spaces, and a dictionary segmenter (SmartChineseAnalyzer) knows Simplified
 * words only and may split a domain term like 燃氣漏氣 differently from the query 漏氣. Overlapping
 * bigrams (燃氣 氣漏 漏氣) need no dictionary and find any two-character word inside a longer
 * one. Traditional characters are folded to Simplified ({@link SimplifiedChineseFilter})
 * on both sides, so 漏氣 finds 漏气 and the other way round. The index also keeps single
 * characters so that a one-character query (氣) still finds something; queries of two or more
 * characters use bigrams only, which keeps them precise. English words are lower-cased,
 * stop words dropped and stemmed (leaks finds leak).
 */
final class KnowledgeAnalyzer extends Analyzer {
    private final boolean unigrams;

    private KnowledgeAnalyzer(boolean unigrams) {
        this.unigrams = unigrams;
    }

    /** For documents: bigrams and single characters. */
    static KnowledgeAnalyzer forIndex() {
        return new KnowledgeAnalyzer(true);
    }

    /** For queries and highlighting: bigrams (a lone character stays a unigram). */
    static KnowledgeAnalyzer forQuery() {
        return new KnowledgeAnalyzer(false);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer source = new StandardTokenizer();
        TokenStream s = new CJKWidthFilter(source);
        s = new LowerCaseFilter(s);
        // Per token, before the bigrams: StandardTokenizer emits each Han character on its own.
        s = new SimplifiedChineseFilter(s);
        s = new CJKBigramFilter(s, CJKBigramFilter.HAN | CJKBigramFilter.HIRAGANA | CJKBigramFilter.KATAKANA
                | CJKBigramFilter.HANGUL, unigrams);
        s = new StopFilter(s, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
        s = new PorterStemFilter(s);
        return new TokenStreamComponents(source, s);
    }
}
