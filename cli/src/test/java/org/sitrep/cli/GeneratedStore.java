package org.sitrep.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.sitrep.records.DocumentRecord;
import org.sitrep.records.DocumentRecord.EventRecord;
import org.sitrep.records.DocumentRecord.Side;
import org.sitrep.sources.Document;
import org.sitrep.store.EventStore;

/**
 * A large store without the language model: documents and event records made up from a fixed seed (actors of
 * 24 countries and 3 organisations, 12 event codes with their PLOVER and ACLED types, a year of dates with a few
 * far outliers, a fifth without a place, some hedged and historical), stored through {@link EventStore#put} as
 * coded documents are. For the workbench's browser test at scale: {@code java ... GeneratedStore out.duckdb 20000}.
 */
final class GeneratedStore {
    private record Country(String iso3, String city, double lat, double lon) {}

    private record Code(
            String cameo, String plover, int quad, double goldstein, String acledType, String acledSub, String verb) {}

    private static final List<Country> COUNTRIES = List.of(
            new Country("IRQ", "Baghdad", 33.34, 44.40),
            new Country("SYR", "Aleppo", 36.20, 37.16),
            new Country("IRN", "Tehran", 35.69, 51.39),
            new Country("USA", "Washington", 38.90, -77.04),
            new Country("RUS", "Moscow", 55.75, 37.62),
            new Country("UKR", "Kharkiv", 49.99, 36.23),
            new Country("MLI", "Mopti", 14.49, -4.20),
            new Country("NGA", "Maiduguri", 11.85, 13.16),
            new Country("SOM", "Mogadishu", 2.04, 45.34),
            new Country("YEM", "Aden", 12.79, 45.03),
            new Country("AFG", "Kabul", 34.53, 69.17),
            new Country("PAK", "Peshawar", 34.01, 71.58),
            new Country("ISR", "Jerusalem", 31.77, 35.21),
            new Country("PSE", "Gaza", 31.50, 34.47),
            new Country("LBN", "Beirut", 33.89, 35.50),
            new Country("SDN", "Khartoum", 15.50, 32.56),
            new Country("ETH", "Mekelle", 13.50, 39.47),
            new Country("COD", "Goma", -1.68, 29.23),
            new Country("MMR", "Yangon", 16.87, 96.20),
            new Country("COL", "Cali", 3.45, -76.53),
            new Country("MEX", "Culiacan", 24.80, -107.39),
            new Country("FRA", "Paris", 48.86, 2.35),
            new Country("CHN", "Beijing", 39.90, 116.40),
            new Country("TUR", "Ankara", 39.93, 32.86));
    private static final String[] SECTORS = {"GOV", "MIL", "REB", "CVL", "COP", "OPP", "MED", "BUS"};
    private static final String[] ORGS = {"IGOUNO", "IGOAFRAU", "NGOHRW"};
    private static final List<Code> CODES = List.of(
            new Code("190", "ASSAULT", 4, -10, "Battles", "Armed clash", "attacked"),
            new Code("195", "ASSAULT", 4, -10, "Explosions/Remote violence", "Air/drone strike", "bombed"),
            new Code("183", "ASSAULT", 4, -10, "Explosions/Remote violence", "Suicide bomb", "blew up"),
            new Code("1712", "COERCE", 4, -9, "Strategic developments", "Looting/property destruction", "burned"),
            new Code("173", "COERCE", 4, -5, null, null, "arrested"),
            new Code("141", "PROTEST", 3, -6.5, "Protests", "Peaceful protest", "protested against"),
            new Code("145", "PROTEST", 3, -7.5, "Riots", "Violent demonstration", "rioted against"),
            new Code("111", "ACCUSE", 3, -2, null, null, "accused"),
            new Code("130", "THREATEN", 3, -4.4, null, null, "threatened"),
            new Code("040", "CONSULT", 1, 1, null, null, "met"),
            new Code("057", "AGREE", 1, 8, "Strategic developments", "Agreement", "signed a deal with"),
            new Code("070", "AID", 2, 7, null, null, "sent aid to"));
    private static final String[] OUTLETS = {
        "Wire One",
        "Daily Ledger",
        "Global Desk",
        "Frontline Post",
        "The Courier",
        "Regional Times",
        "Morning Herald",
        "Capital Report",
        "Evening Dispatch",
        "Border Monitor",
        "Coast Gazette",
        "Plains Tribune"
    };
    private static final String[] WORDS =
            ("officials residents witnesses said late early village district road market convoy checkpoint "
                            + "forces fighters police talks ceasefire border city province statement spokesman morning evening night week region camp "
                            + "hospital school bridge station airport port valley river hill north south east west central")
                    .split(" ");

    static long fill(EventStore store, int events, long seed) {
        Random r = new Random(seed);
        int doc = 0;
        int made = 0;
        LocalDate start = LocalDate.of(2024, 1, 1);
        while (made < events) {
            int n = Math.min(
                    events - made,
                    8 + r.nextInt(25)); // long articles: fewer documents to store, so the store builds fast
            String id = "gen-" + doc++;
            LocalDate published = start.plusDays(r.nextInt(366));
            StringBuilder text = new StringBuilder();
            List<EventRecord> list = new ArrayList<>();
            String outlet = OUTLETS[r.nextInt(OUTLETS.length)];
            for (int i = 0; i < n; i++) {
                Country where = COUNTRIES.get((int) Math.min(COUNTRIES.size() - 1, Math.abs(r.nextGaussian()) * 7));
                Side source = side(r, where);
                Side target = r.nextInt(5) == 0
                        ? null
                        : side(r, r.nextInt(3) == 0 ? COUNTRIES.get(r.nextInt(COUNTRIES.size())) : where);
                Code code = CODES.get(Math.min(CODES.size() - 1, (int) Math.abs(r.nextGaussian() * 5)));
                // a few events the articles date long before the rest (an old attack recalled, a mistyped year)
                String date = r.nextInt(1000) == 0
                        ? "2001-0" + (1 + r.nextInt(9)) + "-1" + r.nextInt(10)
                        : published.minusDays(r.nextInt(3)).toString();
                boolean located = r.nextInt(5) != 0;
                String sentence = source.text() + " " + code.verb() + " " + (target == null ? "" : target.text() + " ")
                        + "in " + where.city() + " " + WORDS[r.nextInt(WORDS.length)] + " "
                        + WORDS[r.nextInt(WORDS.length)] + " " + doc + "-" + i + ".";
                int at = text.length();
                text.append(sentence).append(' ');
                int trigger = at + source.text().length() + 1;
                double jitter = (r.nextDouble() - 0.5) * 0.6;
                list.add(new EventRecord(
                        "e" + (i + 1),
                        i,
                        sentence,
                        new DocumentRecord.Trigger(
                                code.verb(), trigger, trigger + code.verb().length()),
                        code.cameo(),
                        code.plover(),
                        null,
                        code.acledType() == null ? null : new DocumentRecord.Acled(code.acledType(), code.acledSub()),
                        List.of(),
                        code.quad(),
                        code.goldstein(),
                        List.of(source),
                        target == null ? List.of() : List.of(target),
                        located
                                ? new DocumentRecord.Location(
                                        where.city(),
                                        null,
                                        where.city(),
                                        where.iso3(),
                                        where.lat() + jitter,
                                        where.lon() + jitter)
                                : null,
                        new DocumentRecord.When(date, "day", "text"),
                        date.startsWith("2001"),
                        "asserted",
                        "actual",
                        r.nextInt(7) == 0,
                        null,
                        Map.of(),
                        "generated",
                        Math.round((0.3 + 0.65 * r.nextDouble()) * 100) / 100.0,
                        List.of(),
                        null));
            }
            for (int i = 0; i < 12; i++)
                text.append(WORDS[r.nextInt(WORDS.length)])
                        .append(' ')
                        .append(r.nextInt(100000))
                        .append(' ');
            Document d = Document.of(id, text.toString().strip(), published.toString())
                    .withTitle("Generated report " + doc)
                    .withOutlet(outlet);
            store.put(
                    d,
                    new DocumentRecord(
                            id,
                            d.title(),
                            null,
                            outlet,
                            d.published(),
                            "en",
                            List.of(),
                            List.of(),
                            List.of(),
                            list,
                            List.of(),
                            List.of(),
                            List.of(),
                            List.of(),
                            null));
            made += n;
        }
        return made;
    }

    private static Side side(Random r, Country c) {
        if (r.nextInt(12) == 0) {
            String org = ORGS[r.nextInt(ORGS.length)];
            return new Side(
                    org.startsWith("IGOUNO")
                            ? "the United Nations"
                            : org.startsWith("IGOAFRAU") ? "the African Union" : "Human Rights Watch",
                    "a",
                    org,
                    null,
                    List.of(),
                    false);
        }
        String sector = SECTORS[Math.min(SECTORS.length - 1, (int) Math.abs(r.nextGaussian() * 2.5))];
        String name =
                switch (sector) {
                    case "GOV" -> "the government of " + c.city();
                    case "MIL" -> "troops";
                    case "REB" -> "rebels";
                    case "CVL" -> "residents";
                    case "COP" -> "police";
                    case "OPP" -> "the opposition";
                    case "MED" -> "journalists";
                    default -> "traders";
                };
        return new Side(name, "a", c.iso3() + sector, c.iso3(), List.of(sector), false);
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("serve")) { // serve a generated store to look at it: serve FILE PORT
            EventStore store = EventStore.open(Path.of(args[1]));
            new org.sitrep.server.SitrepServer(
                            store,
                            d -> {
                                throw new UnsupportedOperationException("no coder");
                            },
                            "t")
                    .start(Integer.parseInt(args[2]));
            Thread.currentThread().join();
        }
        long t0 = System.nanoTime();
        try (EventStore store = EventStore.open(Path.of(args[0]))) {
            long n = fill(store, Integer.parseInt(args[1]), 15);
            System.out.printf(
                    "%d events in %d documents, %.1f s%n", n, store.documents(), (System.nanoTime() - t0) / 1e9);
        }
    }
}
