package org.sitrep.events;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sitrep.CoreNlpSuite;
import org.sitrep.records.DocumentRecord;
import org.sitrep.records.DocumentRecord.EventRecord;
import org.sitrep.sources.Document;

/**
 * The lexicon knows acts as news in many registers writes them (wire, South Asian, African, British
 * English), and knows the everyday senses of the same words that are no event at all.
 */
@Tag("corenlp")
class LexiconWordingTest {

    private static List<EventRecord> coded(String text) {
        Document d = Document.of("t", text, "2021-06-15");
        DocumentRecord r = CoreNlpSuite.pipeline().code(d);
        return Stream.concat(r.events().stream(), r.nonEvents().stream()).toList();
    }

    private static void codes(String text, String cameo) {
        List<EventRecord> events = coded(text);
        assertTrue(
                events.stream().anyMatch(e -> e.cameo().equals(cameo)),
                text + " -> " + events.stream().map(EventRecord::rule).toList());
    }

    private static void neverCodes(String text, String cameoRoot) {
        List<EventRecord> events = coded(text);
        assertTrue(
                events.stream().noneMatch(e -> e.cameo().startsWith(cameoRoot)),
                text + " -> " + events.stream().map(EventRecord::rule).toList());
    }

    @Test
    void weaponsFoundPostsSetUpGroundTakenAndSidesChangedAreCoded() {
        codes("Soldiers discovered a cache of rifles in a farmhouse near Maiduguri.", "1711");
        codes("Troops set up a new base outside Goma on Monday.", "154");
        codes("Rebels took over the airport in the provincial capital on Friday.", "192");
        codes("Government troops recovered control of two villages from the rebels.", "192");
        codes("The army liberated three villages near the border on Sunday.", "192");
        codes("Two hundred militia fighters defected to the government on Tuesday.", "0873");
        codes("The army withdrew from the border town on Sunday.", "0874");
        codes("Police caught a gang of car thieves in Pune on Monday.", "173");
        neverCodes("Local reporters captured dramatic images of the flood on Sunday.", "19");
    }

    @Test
    void southAsianPoliceAndProtestWordingsAreCoded() {
        codes("Police booked 12 youths under the Arms Act in Meerut.", "173");
        codes("Police resorted to a lathi-charge to scatter the crowd.", "175");
        codes("Angry villagers gheraoed the block development officer.", "141");
        codes("The army staged a flag march through the old city.", "150");
    }

    @Test
    void holdIsADetentionOnlyWithAPersonAsObject() {
        codes("Police held the suspect at a checkpoint outside Kano.", "173");
        neverCodes("The new stadium holds 40,000 people.", "17");
    }

    @Test
    void theWeaponInTheWordingChoosesTheKindOfAssault() {
        codes("Assailants hacked the farmer with machetes near Kisumu.", "182");
        neverCodes("Assailants hacked the farmer with machetes near Kisumu.", "170");
        codes("Militants pumped bullets into a shopkeeper in the market.", "193");
        codes("Rebels took over three villages in the hills.", "192");
    }

    @Test
    void everydaySensesOfViolentWordsAreNoEvents() {
        neverCodes("The opposition party stormed to victory in the state polls.", "14");
        neverCodes("Firefighters battled the blaze for six hours.", "19");
        neverCodes("The retired general died of cardiac arrest on Sunday.", "17");
        neverCodes("The ministry shot down the proposal to raise fuel taxes.", "19");
        neverCodes("a curfew was imposed in the town on march 3 after the riots.", "141");
    }
}
