package org.sitrep.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CasingTest {

    /** Sentences as token lists: words split on spaces, enough for the casing test. */
    private static boolean[] uncased(String... sentences) {
        return Casing.uncased(
                Arrays.stream(sentences).map(s -> List.of(s.split(" "))).toList());
    }

    @Test
    void normalNewsTextIsLeftAlone() {
        assertArrayEquals(
                new boolean[] {false, false, false},
                uncased(
                        "Police fired at the mob in Ahmedabad on Monday .",
                        "12 people were hurt , officials said .",
                        "The UN and the EU called for calm ."));
    }

    @Test
    void aDocumentInLowerCaseIsTruecasedExceptItsCasedLines() {
        assertArrayEquals(
                new boolean[] {false, true, true, true, false},
                uncased(
                        "This story is from March 4 , 2002",
                        "ahmedabad : police fired at the mob on monday .",
                        "TNN reports that the vhp called a bandh .",
                        "two people died .",
                        "Facebook Twitter Linkedin Mail"));
    }

    @Test
    void aCasedSnippetThatStartsMidSentenceIsNotLowerCase() {
        assertArrayEquals(
                new boolean[] {false},
                uncased("officers seized nine pistols and 31 magazines in the capital of Namibia on monday ."));
    }

    @Test
    void oneLowerCaseSentenceIsADocumentInLowerCase() {
        assertArrayEquals(new boolean[] {true}, uncased("police fired at the mob in ahmedabad"));
    }

    @Test
    void aHeadlineInCapitalsIsTruecasedInAnOtherwiseCasedStory() {
        assertArrayEquals(
                new boolean[] {true, false, false},
                uncased(
                        "POLICE FIRE ON MOB IN AHMEDABAD",
                        "Police fired at a mob in Ahmedabad on Monday , the city 's police chief said .",
                        "Two people were hurt ."));
    }

    @Test
    void aDocumentInCapitalsIsTruecased() {
        assertArrayEquals(
                new boolean[] {true, true},
                uncased("POLICE FIRED AT THE MOB IN AHMEDABAD ON MONDAY .", "TWO PEOPLE DIED , OFFICIALS SAID ."));
    }

    @Test
    void acronymsAndShortLinesAreNotHeadlines() {
        assertArrayEquals(
                new boolean[] {false, false, false},
                uncased("NATO", "US , UK", "NATO and the EU met in Brussels on Monday ."));
    }

    @Test
    void truecasedTokensReadCasedInPhrasesWhileTheSentenceStaysAsWritten() {
        String text = "mob stoned police in new delhi";
        Sentence s = ConllU.read(
                        "# doc_text = " + text + "\n"
                                + "1\tmob\tmob\t_\tNN\t_\t2\tnsubj\t_\tstart_char=0|end_char=3\n"
                                + "2\tstoned\tstone\t_\tVBD\t_\t0\troot\t_\tstart_char=4|end_char=10\n"
                                + "3\tpolice\tpolice\t_\tNN\t_\t2\tobj\t_\tstart_char=11|end_char=17\n"
                                + "4\tin\tin\t_\tIN\t_\t6\tcase\t_\tstart_char=18|end_char=20\n"
                                + "5\tNew\tnew\t_\tNNP\t_\t6\tcompound\t_\tstart_char=21|end_char=24|NER=LOCATION\n"
                                + "6\tDelhi\tdelhi\t_\tNNP\t_\t2\tobl\t_\tstart_char=25|end_char=30|NER=LOCATION\n",
                        "inline")
                .sentences()
                .get(0);
        assertEquals("New Delhi", s.text(4, 5));
        assertEquals("police in New Delhi", s.text(2, 5));
        assertEquals(text, s.text(), "the sentence is quoted as written");
        assertEquals("mob stoned", s.text(0, 1));
    }
}
