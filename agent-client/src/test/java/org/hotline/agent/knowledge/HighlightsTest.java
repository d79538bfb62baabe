package org.hotline.agent.knowledge;

import org.hotline.agent.knowledge.Highlights.Segment;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HighlightsTest {
    @Test
    void matchesBetweenEmTagsBecomeEmphasisedSegments() {
        assertThat(Highlights.parse("燃氣<em>漏氣</em>的緊急處理")).containsExactly(
                new Segment("燃氣", false), new Segment("漏氣", true), new Segment("的緊急處理", false));
    }

    @Test
    void escapedTextIsDecodedAndEscapedTagsStayLiteralText() {
        assertThat(Highlights.parse("a &lt;em&gt;x&lt;/em&gt; &amp; <em>gas</em> &quot;leak&quot; &#x27;b&#x27; &#47;"))
                .containsExactly(new Segment("a <em>x</em> & ", false), new Segment("gas", true),
                        new Segment(" \"leak\" 'b' /", false));
    }

    @Test
    void neighbouringMatchesMergeAndEmptyRunsVanish() {
        assertThat(Highlights.parse("<em>gas</em><em> leak</em>")).containsExactly(new Segment("gas leak", true));
        assertThat(Highlights.parse("")).isEmpty();
    }

    @Test
    void anUnclosedTagIsShownAsItCame() {
        assertThat(Highlights.parse("x <em>y")).containsExactly(new Segment("x <em>y", false));
    }

    @Test
    void anAmpersandThatIsNoEntityIsKept() {
        assertThat(Highlights.plain("A&B &nosuch; &#zz;")).isEqualTo("A&B &nosuch; &#zz;");
    }
}
