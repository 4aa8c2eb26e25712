package org.sitrep.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LanguageTest {

    @Test
    void englishNewsIsEnglish() {
        assertEquals("en", Language.detect(Samples.ENGLISH));
        assertEquals("en", Language.detect(Samples.ENGLISH_2));
        assertEquals("en", Language.detect(Samples.ENGLISH_3));
    }

    @Test
    void latinScriptLanguagesAreToldApartByTheirFunctionWords() {
        assertEquals("fr", Language.detect(Samples.FRENCH));
        assertEquals("de", Language.detect(Samples.GERMAN));
        assertEquals("es", Language.detect(Samples.SPANISH));
        assertEquals("it", Language.detect(Samples.ITALIAN));
    }

    @Test
    void otherScriptsGiveTheLanguageAway() {
        assertEquals("ru", Language.detect(Samples.RUSSIAN));
        assertEquals("ar", Language.detect(Samples.ARABIC));
        assertEquals("zh", Language.detect(Samples.CHINESE));
        assertEquals("ja", Language.detect("東京で火曜日、数千人の抗議者が国会の前に集まり、内務大臣の辞任を求めました。警察によると、少なくとも二人が負傷しました。"));
        assertEquals(
                "uk",
                Language.detect(
                        "Тисячі протестувальників зібралися у вівторок біля будівлі парламенту і вимагали відставки міністра."));
    }

    @Test
    void englishWithAForeignQuoteIsStillEnglish() {
        assertEquals("en", Language.detect(Samples.ENGLISH + " A banner read \"Nous voulons la justice\"."));
    }

    @Test
    void shortLatinSnippetsAreAssumedEnglishButAnotherScriptGivesItsLanguageAway() {
        assertEquals("en", Language.detect("Explosion in Kabul"));
        assertEquals("ru", Language.detect("Взрыв в Кабуле"));
        assertEquals("zh", Language.detect("喀布尔爆炸"));
    }

    @Test
    void latinTextWithNoKnownFunctionWordsIsUndetermined() {
        assertEquals(
                "und",
                Language.detect("Lorem ipsum dolor sit amet consectetur adipiscing elit sed eiusmod "
                        + "tempor incididunt labore dolore magna aliqua enim minim veniam quis nostrud exercitation"));
    }
}
