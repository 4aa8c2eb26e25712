package org.sitrep.events;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.sitrep.FixtureSuite;
import org.sitrep.records.DocumentRecord;
import org.sitrep.records.DocumentRecord.EventRecord;
import org.sitrep.sources.Document;
import org.sitrep.text.ConllU;
import org.sitrep.text.FixtureModel;

/**
 * How the coder codes sentences written for these tests: actors, places, events, framing, attribution, time and
 * relations, over CoreNLP's parses of them replayed from fixtures ({@link FixtureSuite}), so no model loads.
 * A new sentence needs its parse written once: see CONTRIBUTING.md.
 */
class EventCodingFixtureTest {

    static DocumentRecord code(String text) {
        return code(text, "2021-06-15");
    }

    static DocumentRecord code(String text, String published) {
        Document d = Document.of("t", text, published);
        return FixtureSuite.pipeline().code(d);
    }

    static Optional<EventRecord> first(DocumentRecord r, String plover) {
        return r.events().stream().filter(e -> plover.equals(e.plover())).findFirst();
    }

    static EventRecord only(DocumentRecord r, String plover) {
        return first(r, plover).orElseThrow(() -> new AssertionError("no " + plover + " event in " + r.events()));
    }

    /** A side holds the police (sector COP). */
    static boolean police(List<DocumentRecord.Side> sides) {
        return sides.stream().anyMatch(s -> s.sectors().contains("COP"));
    }

    static Set<String> countries(List<DocumentRecord.Side> side) {
        return side.stream()
                .map(DocumentRecord.Side::country)
                .filter(c -> c != null)
                .collect(Collectors.toSet());
    }

    @Test
    void anActiveVerbTakesItsSubjectAsSourceAndObjectAsTarget() {
        EventRecord e = only(code("Israeli troops shelled two Palestinian villages near Hebron on Monday."), "ASSAULT");
        assertEquals(Set.of("ISR"), countries(e.source()));
        assertEquals(Set.of("PSE"), countries(e.target()));
        assertEquals("shelled", e.trigger().text());
        assertEquals("Hebron", e.location().name());
        assertEquals("2021-06-14", e.date().value());
        assertEquals("text", e.date().from());
    }

    @Test
    void aWireDatelineIsNeitherActorNorSourceButHintsAtThePlace() {
        DocumentRecord r = code(
                "BAMAKO, June 14 (Example Wire) - Malian soldiers arrested twelve opposition activists on Monday, witnesses said.");
        EventRecord e = only(r, "COERCE");
        assertEquals(Set.of("MLI"), countries(e.source()));
        assertFalse(e.evidence().contains("BAMAKO"), e.evidence());
        assertTrue(
                e.attribution() == null || !e.attribution().text().contains("BAMAKO"), String.valueOf(e.attribution()));
        assertEquals("Bamako", e.location().name(), "no place in the sentence: where the story was filed");
        assertTrue(
                r.actors().stream().noneMatch(x -> x.text().contains("BAMAKO")),
                r.actors().toString());
    }

    @Test
    void aMonthWithoutAYearInAPastEventIsTheLastOneBeforePublication() {
        EventRecord e = only(
                code("Pakistani authorities closed the border crossing with Afghanistan in February.", "2024-08-16"),
                "COERCE");
        assertEquals("2024-02", e.date().value());
    }

    @Test
    void aNamedProvinceIsWhereTheEventHappened() {
        DocumentRecord r = code(
                "Thai troops shelled Cambodian positions in Sa Kaeo province on Tuesday, officials in Bangkok said.");
        assertEquals("Sa Kaeo", only(r, "ASSAULT").location().name());
    }

    @Test
    void theGroupIsTheGroupNamedBefore() {
        DocumentRecord r = code(
                "Al-Shabaab fighters attacked an army base near Afgooye on Tuesday. The group said it killed 12 soldiers.");
        EventRecord killed = r.events().stream()
                .filter(e -> e.trigger().text().startsWith("killed"))
                .findFirst()
                .orElseThrow();
        assertEquals("SOMRAD", killed.source().get(0).code(), killed.toString());
    }

    @Test
    void twoCountryAdjectivesOnOneNounAreTwoActors() {
        EventRecord e = only(code("Pakistani and Afghan border forces exchanged fire near the crossing."), "ASSAULT");
        assertEquals(Set.of("PAK", "AFG"), countries(e.source()));
        assertTrue(
                e.source().stream().allMatch(x -> x.code().endsWith("COP")),
                e.source().toString());
    }

    @Test
    void aDemonymIsListedAsItsCountryButIsNotWhereTheEventHappened() {
        DocumentRecord r = code(
                "Russian troops shelled the outskirts of Kharkiv on Monday. European leaders condemned the attack.");
        assertTrue(
                r.places().stream()
                        .anyMatch(p -> p.country().equals("RUS")
                                && p.kind().equals("country")
                                && p.spans().get(0)[0] == 0),
                r.places().toString());
        assertTrue(
                r.places().stream().anyMatch(p -> p.name().equals("Europe")),
                r.places().toString());
        assertEquals("Kharkiv", only(r, "ASSAULT").location().name());
    }

    @Test
    void aBareSurnameNamesThePersonNamedInFullBefore() {
        DocumentRecord r = code("Houthi military spokesman Yahya Saree said the group fired two missiles at a tanker. "
                + "Saree threatened further attacks on ships linked to Israel.");
        EventRecord e = only(r, "THREATEN");
        assertEquals("Saree", e.source().get(0).text());
        assertEquals(Set.of("YEM"), countries(e.source()));
    }

    @Test
    void aPassiveTakesItsByPhraseAsSource() {
        EventRecord e = only(code("A Turkish journalist was detained by Iranian police at the border."), "COERCE");
        assertEquals(Set.of("IRN"), countries(e.source()));
        assertEquals(Set.of("TUR"), countries(e.target()));
    }

    @Test
    void anEventNounTakesItsCountryAdjectiveAsSourceAndAgainstAsTarget() {
        DocumentRecord r = code("Russian airstrikes against Syrian rebels killed five civilians.");
        EventRecord e = only(r, "ASSAULT");
        assertEquals(Set.of("RUS"), countries(e.source()));
        assertEquals(Set.of("SYR"), countries(e.target()));
        assertEquals(5, e.counts().get("killed"));
    }

    @Test
    void coordinatedSubjectsAreAllSources() {
        EventRecord e = only(code("Egypt and Jordan condemned the Israeli raid."), "ACCUSE");
        assertEquals(Set.of("EGY", "JOR"), countries(e.source()));
    }

    @Test
    void aNegatedEventIsNotCodedAsDone() {
        DocumentRecord r = code("Nigerian police did not arrest the protesters.");
        assertTrue(first(r, "COERCE").isEmpty(), r.events().toString());
        assertEquals("negated", r.nonEvents().get(0).polarity());
    }

    @Test
    void anyActionIsNoActionThatHappened() {
        DocumentRecord r =
                code("Any military action against the island would need the approval of the Greek parliament.");
        assertTrue(first(r, "ASSAULT").isEmpty(), r.events().toString());
        assertTrue(
                r.nonEvents().stream().anyMatch(n -> "hypothetical".equals(n.modality())),
                r.nonEvents().toString());
    }

    @Test
    void aFailureToActIsNotAnEvent() {
        DocumentRecord r = code("Lebanese soldiers did little to arrest the looters.");
        assertTrue(first(r, "COERCE").isEmpty(), r.events().toString());
        assertEquals("failed", r.nonEvents().get(0).polarity());
    }

    @Test
    void anIntendedProtestIsCodedAsAThreatNotAsDone() {
        DocumentRecord r = code("French farmers intend to protest against the new fuel tax in Paris.");
        assertTrue(first(r, "PROTEST").isEmpty(), r.events().toString());
        EventRecord e = only(r, "THREATEN");
        assertEquals("intended", e.modality());
        assertEquals(Set.of("FRA"), countries(e.source()));
        assertTrue(e.rule().contains("protest"), e.rule());
    }

    @Test
    void aStatedCooperativeIntentionIsAnAgreement() {
        EventRecord e = only(
                code("Portugal will support Turkey's bid to join the European Union, the Portuguese president said."),
                "AGREE");
        assertEquals(Set.of("PRT"), countries(e.source()));
        assertEquals("intended", e.modality());
    }

    @Test
    void aRefusalIsARejection() {
        EventRecord e = only(code("Syria will not accept any more refugees from Iraq."), "REJECT");
        assertEquals(Set.of("SYR"), countries(e.source()));
    }

    @Test
    void whatIsRejectedIsContentNotAnEvent() {
        DocumentRecord r = code("Yemen rejected a U.S. request to hand over the detainees.");
        EventRecord e = only(r, "REJECT");
        assertEquals(Set.of("USA"), countries(e.target()));
        assertTrue(first(r, "REQUEST").isEmpty(), r.events().toString());
    }

    @Test
    void aDemandIsCodedButTheDemandedActIsNot() {
        DocumentRecord r = code("The Kenyan president urged the rebels to attack the capital.");
        EventRecord e = only(r, "REQUEST");
        assertEquals(Set.of("KEN"), countries(e.source()));
        assertTrue(first(r, "ASSAULT").isEmpty(), r.events().toString());
        assertEquals("demanded", r.nonEvents().get(0).modality());
    }

    @Test
    void reportedlyMakesAnEventHedged() {
        EventRecord e = only(code("Somali militants reportedly attacked a police station in Mogadishu."), "ASSAULT");
        assertTrue(e.hedged());
    }

    @Test
    void aReportingVerbIsRecordedAsAttribution() {
        EventRecord e = only(code("Gunmen attacked a hotel in Kabul, the BBC reported."), "ASSAULT");
        assertNotNull(e.attribution());
        assertTrue(e.attribution().text().contains("BBC"), e.attribution().toString());
        assertEquals("reported", e.attribution().cue());
    }

    @Test
    void aLongPastEventIsHistoricalWithItsOwnDate() {
        EventRecord e = only(code("The group kidnapped a French aid worker in 2009.", "2021-06-15"), "ASSAULT");
        assertTrue(e.historical());
        assertEquals("2009", e.date().value());
        assertEquals("year", e.date().precision());
    }

    @Test
    void onceAndPreviouslyMarkHistoricalEvents() {
        DocumentRecord r = code("He was once imprisoned by the Egyptian army.");
        EventRecord e = only(r, "COERCE");
        assertTrue(e.historical());
        assertNotEquals("2021-06-15", e.date().value());
    }

    @Test
    void inResponseToLinksCauseAndEffect() {
        DocumentRecord r = code(
                "Hundreds of Iraqi protesters stormed the Turkish consulate in Mosul in response to Turkish airstrikes against Kurdish villages.");
        EventRecord protest = only(r, "PROTEST");
        EventRecord strikes = only(r, "ASSAULT");
        assertEquals(1, r.relations().size(), r.relations().toString());
        assertEquals(strikes.id(), r.relations().get(0).from());
        assertEquals(protest.id(), r.relations().get(0).to());
        assertEquals("hundreds", protest.counts().get("size"));
    }

    @Test
    void aPronounSubjectIsThePersonNamedBefore() {
        DocumentRecord r = code(
                "Kenyan President William Ruto arrived in Addis Ababa on Monday. He urged Ethiopia to release the detained journalists.");
        EventRecord e = only(r, "REQUEST");
        assertEquals(Set.of("KEN"), countries(e.source()));
        assertEquals(Set.of("ETH"), countries(e.target()));
    }

    @Test
    void anAppositionTeachesWhoAnUnknownPersonIs() {
        DocumentRecord r = code("Abu Karim Nasser, a spokesman for Hezbollah, accused Israel of shelling villages.");
        var actor = r.actors().stream()
                .filter(a -> a.text().startsWith("Abu Karim"))
                .findFirst()
                .orElseThrow();
        assertTrue(actor.learned());
        assertEquals("LBN", actor.country());
        EventRecord e = only(r, "ACCUSE");
        assertEquals(Set.of("LBN"), countries(e.source()));
        assertEquals(Set.of("ISR"), countries(e.target()));
    }

    @Test
    void aQuoteIsAttributedToItsSpeaker() {
        DocumentRecord r =
                code("“Pakistan killed our soldiers and we will not forget it,” the Indian army chief said on Sunday.");
        assertEquals(1, r.quotes().size());
        String speaker = r.quotes().get(0).speaker();
        var actor = r.actors().stream()
                .filter(a -> a.id().equals(speaker))
                .findFirst()
                .orElseThrow();
        assertEquals("IND", actor.country());
        EventRecord accuse = only(r, "ACCUSE");
        assertEquals(Set.of("PAK"), countries(accuse.target()));
    }

    @Test
    void aRoleHoldsOnlyOnItsDates() {
        DocumentRecord r2019 = code("Donald Trump accused China of stealing jobs.", "2019-05-01");
        assertEquals("USAGOV", only(r2019, "ACCUSE").source().get(0).code());
        DocumentRecord r2016 = code("Donald Trump accused China of stealing jobs.", "2016-05-01");
        assertNotEquals("USAGOV", only(r2016, "ACCUSE").source().get(0).code());
    }

    @Test
    void anEmbeddedTweetIsTheSignersSpeech() {
        DocumentRecord r = code(
                "Hamas fired rockets at our cities. We will strike back hard.\n— Benjamin Netanyahu (@netanyahu) May 10, 2021",
                "2021-05-10");
        EventRecord accuse = only(r, "ACCUSE");
        assertEquals(Set.of("ISR"), countries(accuse.source()));
        assertEquals(Set.of("PSE"), countries(accuse.target()));
        EventRecord threat = only(r, "THREATEN");
        assertEquals(Set.of("ISR"), countries(threat.source()));
        assertEquals(1, r.quotes().size());
    }

    @Test
    void aCausativeVerbLinksTwoEvents() {
        DocumentRecord r = code("Israeli airstrikes on Gaza triggered protests by Jordanian students in Amman.");
        EventRecord strikes = only(r, "ASSAULT");
        EventRecord protests = only(r, "PROTEST");
        assertEquals(Set.of("JOR"), countries(protests.source()));
        assertTrue(
                r.relations().stream()
                        .anyMatch(rel ->
                                rel.from().equals(strikes.id()) && rel.to().equals(protests.id())),
                r.relations().toString());
    }

    @Test
    void whatAGovernmentSaysAnotherMustDoIsADemand() {
        EventRecord e = only(code("Britain said on Monday that Iran must release the detained sailors."), "REQUEST");
        assertEquals(Set.of("GBR"), countries(e.source()));
        assertEquals(Set.of("IRN"), countries(e.target()));
    }

    @Test
    void arrestsAreCounted() {
        EventRecord e = only(code("Ugandan police arrested 40 opposition supporters in Kampala on Sunday."), "COERCE");
        assertEquals(40, e.counts().get("arrested"));
        assertEquals(Set.of("UGA"), countries(e.source()));
    }

    @Test
    void anEventNounTakesItsDoerFromBy() {
        EventRecord e =
                only(code("Rocket attacks by Houthi rebels on Saudi oil facilities continued on Tuesday."), "ASSAULT");
        assertEquals(Set.of("YEM"), countries(e.source()));
        assertEquals(Set.of("SAU"), countries(e.target()));
    }

    @Test
    void aRepeatedMentionJoinsTheEventFirstTold() {
        DocumentRecord r = code(
                "Thousands of Serbian students protested in Belgrade on Friday. The protests were the largest in a decade.");
        assertEquals(
                1,
                r.events().stream().filter(e -> "PROTEST".equals(e.plover())).count(),
                r.events().toString());
        assertEquals(1, only(r, "PROTEST").mentions().size());
    }

    @Test
    void relativeDatesAreAnchoredOnThePublicationDate() {
        DocumentRecord r = code(
                "Turkish troops shelled Kurdish positions two weeks ago. Syrian rebels attacked an army post last Thursday.",
                "2022-01-10");
        List<EventRecord> assaults =
                r.events().stream().filter(e -> "ASSAULT".equals(e.plover())).toList();
        assertEquals(2, assaults.size(), r.events().toString());
        assertEquals("2021-12-27", assaults.get(0).date().value());
        assertEquals("2022-01-06", assaults.get(1).date().value());
        assertEquals("text", assaults.get(1).date().from());
    }

    @Test
    void aPlaceNamedWithItsCountryIsThatCountrysPlace() {
        EventRecord e = only(code("Gunmen attacked a checkpoint in Tripoli, Lebanon, on Friday."), "ASSAULT");
        assertEquals("LBN", e.location().country());
    }

    @Test
    void theCountryOfADomesticCounterpartIsInferred() {
        EventRecord e = only(code("Sudanese police arrested 12 students at a university."), "COERCE");
        assertEquals(Set.of("SDN"), countries(e.target()));
        assertTrue(e.target().get(0).inferred());
    }

    @Test
    void aSenseTheLexiconMarksAsNoEventBlocksTheShorterPattern() {
        DocumentRecord r = code("Chinese protesters pressed on through the snow toward Beijing.");
        assertTrue(first(r, "REQUEST").isEmpty(), r.events().toString());
    }

    /** A passive whose subject is an event noun tells what was done to that event, not a causal link between two. */
    @Test
    void aPassiveTellsWhatWasDoneToTheEventItsSubjectNames() {
        EventRecord eased = only(code("The curfew in the old city was relaxed on Tuesday morning."), "CONCEDE");
        assertEquals("0813", eased.cameo(), "relaxing a curfew eases it: " + eased);
        EventRecord ended = only(code("The general strike was called off on Thursday after two days."), "CONCEDE");
        assertEquals("082", ended.cameo(), "the particle comes before the passive's object: " + ended);
        DocumentRecord condemned = code("The bombing of the market was condemned by the United Nations.");
        assertTrue(first(condemned, "ACCUSE").isPresent(), condemned.events().toString());
    }

    /** A parse written by hand: who did what is read off the dependency tree, not off the word order. */
    @Test
    void rolesComeFromTheTreeOfAHandWrittenParse() {
        String parse = """
                # anchor = 2021-06-15
                # text = Kenyan police arrested Ugandan traders.
                1	Kenyan	kenyan	_	JJ	_	2	amod	_	_
                2	police	police	_	NN	_	3	%s	_	_
                3	arrested	arrest	_	VBD	_	0	root	_	_
                4	Ugandan	ugandan	_	JJ	_	5	amod	_	_
                5	traders	trader	_	NNS	_	3	%s	_	_
                6	.	.	_	.	_	3	punct	_	_
                """;
        String text = "Kenyan police arrested Ugandan traders.";
        Document d = Document.of("t", text, "2021-06-15");
        EventRecord asParsed = only(
                FixtureSuite.pipeline(FixtureModel.of(ConllU.read(parse.formatted("nsubj", "obj"), "hand")))
                        .code(d),
                "COERCE");
        assertEquals(Set.of("KEN"), countries(asParsed.source()));
        assertEquals(Set.of("UGA"), countries(asParsed.target()));
        EventRecord swapped = only(
                FixtureSuite.pipeline(FixtureModel.of(ConllU.read(parse.formatted("obj", "nsubj"), "hand")))
                        .code(d),
                "COERCE");
        assertEquals(Set.of("UGA"), countries(swapped.source()));
        assertEquals(Set.of("KEN"), countries(swapped.target()));
    }
}
