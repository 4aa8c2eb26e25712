package org.sitrep.text;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.ling.tokensregex.CoreMapExpressionExtractor;
import edu.stanford.nlp.ling.tokensregex.types.Value;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.pipeline.TrueCaseAnnotator;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphCoreAnnotations;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import edu.stanford.nlp.time.TimeAnnotations;
import edu.stanford.nlp.time.TimeAnnotator;
import edu.stanford.nlp.time.TimeExpressionExtractorImpl;
import edu.stanford.nlp.time.Timex;
import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Stanford CoreNLP behind {@link LanguageModel}: tokenize, ssplit, pos, lemma, 3-class NER, the neural
 * dependency parser, and SUTime for time expressions anchored on the publication date. Fine-grained NER, numeric classifiers and SUTime are off: they cost most
 * of the time and the knowledge base already knows the names. Build once per JVM ({@link #shared()}).
 *
 * <p>Text that lost its capitals (all lower case, all capitals, an all-capitals headline: {@link Casing}) is
 * truecased between sentence splitting and tagging, with CoreNLP's truecaser, so the tagger, NER, parser and
 * SUTime read "police fired at the mob in Ahmedabad". Each token's text is then its truecased form (same letters,
 * same offsets); the sentence's text stays as written. The truecaser loads on the first uncased document.
 */
public final class CoreNlpModel implements LanguageModel {

    private static volatile CoreNlpModel shared;
    /** Tokenize and split; the rest runs after the casing check. */
    private final StanfordCoreNLP split;

    private final StanfordCoreNLP pipeline;
    private final TimeAnnotator sutime;
    private final java.util.concurrent.CompletableFuture<TrueCaseAnnotator> truecaser =
            new java.util.concurrent.CompletableFuture<>();
    private final java.util.concurrent.atomic.AtomicBoolean truecaserLoading =
            new java.util.concurrent.atomic.AtomicBoolean();
    private volatile long loadFrom, loadTo; // System.nanoTime() around the truecaser's load; 0 until it starts/ends

    public CoreNlpModel() {
        Properties p = new Properties();
        p.setProperty("annotators", "tokenize,ssplit");
        p.setProperty("tokenize.language", "en");
        p.setProperty("tokenize.options", "invertible=true,ptb3Escaping=false,splitHyphenated=false");
        p.setProperty("ssplit.newlineIsSentenceBreak", "always");
        p.setProperty("ner.model", "edu/stanford/nlp/models/ner/english.all.3class.distsim.crf.ser.gz");
        p.setProperty("ner.applyNumericClassifiers", "false");
        p.setProperty("ner.applyFineGrained", "false");
        p.setProperty("ner.useSUTime", "false");
        p.setProperty("ner.buildEntityMentions", "false");
        p.setProperty("depparse.model", "edu/stanford/nlp/models/parser/nndep/english_UD.gz");
        p.setProperty("pos.maxlen", "200");
        p.setProperty("depparse.maxlen", "200");
        this.split = new StanfordCoreNLP(p);
        p.setProperty("annotators", "pos,lemma,ner,depparse");
        this.pipeline = new StanfordCoreNLP(p, false); // tokens and sentences come from split
        Properties t = new Properties();
        t.setProperty("sutime.includeRange", "true");
        this.sutime = new TimeAnnotator("sutime", t);
    }

    public static CoreNlpModel shared() {
        CoreNlpModel m = shared;
        if (m == null) {
            synchronized (CoreNlpModel.class) {
                if (shared == null) shared = new CoreNlpModel();
                m = shared;
            }
        }
        return m;
    }

    @Override
    public List<Sentence> analyze(String text) {
        return analyze(text, null);
    }

    /** SUTime reads every sentence (within its bounds): no words to choose them by. */
    @Override
    public List<Sentence> analyze(String text, java.time.LocalDate anchor) {
        return analyze(text, anchor, TimeWords.ANY);
    }

    @Override
    public List<Sentence> analyze(String text, java.time.LocalDate anchor, TimeWords timeWords) {
        Annotation doc = new Annotation(text);
        split.annotate(doc);
        truecase(doc);
        pipeline.annotate(doc);
        List<List<TimeExpression>> times = anchor == null ? null : times(doc, anchor, timeWords);
        List<Sentence> out = new ArrayList<>();
        for (CoreMap s : doc.get(CoreAnnotations.SentencesAnnotation.class)) {
            List<CoreLabel> labels = s.get(CoreAnnotations.TokensAnnotation.class);
            int n = labels.size();
            int[] heads = new int[n];
            String[] rels = new String[n];
            java.util.Arrays.fill(heads, -1);
            java.util.Arrays.fill(rels, "dep");
            SemanticGraph g = s.get(SemanticGraphCoreAnnotations.BasicDependenciesAnnotation.class);
            if (g != null) {
                for (IndexedWord root : g.getRoots()) rels[root.index() - 1] = "root";
                for (SemanticGraphEdge e : g.edgeIterable()) {
                    int d = e.getDependent().index() - 1;
                    heads[d] = e.getGovernor().index() - 1;
                    rels[d] = e.getRelation().toString();
                }
            }
            List<Token> tokens = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                CoreLabel l = labels.get(i);
                String word = l.originalText() != null ? l.originalText() : l.word();
                String cased = l.get(CoreAnnotations.TrueCaseTextAnnotation.class);
                if (cased != null && cased.length() == word.length() && cased.equalsIgnoreCase(word)) word = cased;
                String lemma = l.lemma() == null ? word : l.lemma();
                tokens.add(new Token(
                        i,
                        word,
                        lemma.toLowerCase(java.util.Locale.ROOT),
                        l.tag(),
                        l.ner() == null ? "O" : l.ner(),
                        l.beginPosition(),
                        l.endPosition(),
                        heads[i],
                        rels[i]));
            }
            int start = labels.get(0).beginPosition();
            int end = labels.get(n - 1).endPosition();
            out.add(new Sentence(
                    out.size(),
                    start,
                    end,
                    text.substring(start, end),
                    tokens,
                    times == null || times.size() <= out.size() ? List.of() : times.get(out.size())));
        }
        return out;
    }

    /**
     * Truecases the sentences {@link Casing} finds uncased: their words are lowercased (the model is caseless, and
     * its table of mixed-case words such as "McDonald" is keyed by lower case), classified, and given the case the
     * model says, which every later annotator reads. Offsets and the original text stay.
     */
    private void truecase(Annotation doc) {
        List<CoreMap> sentences = doc.get(CoreAnnotations.SentencesAnnotation.class);
        List<List<String>> words = new ArrayList<>(sentences.size());
        for (CoreMap s : sentences) {
            List<String> w = new ArrayList<>();
            for (CoreLabel l : s.get(CoreAnnotations.TokensAnnotation.class))
                w.add(l.originalText() != null ? l.originalText() : l.word());
            words.add(w);
        }
        boolean[] uncased = Casing.uncased(words);
        if (!Casing.any(uncased)) return;
        TrueCaseAnnotator truecaser = truecaser();
        if (truecaser == null) return;
        List<CoreMap> chosen = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            if (!uncased[i]) continue;
            chosen.add(sentences.get(i));
            for (CoreLabel l : sentences.get(i).get(CoreAnnotations.TokensAnnotation.class))
                setWord(l, l.word().toLowerCase(java.util.Locale.ROOT));
        }
        Annotation part = new Annotation(doc.get(CoreAnnotations.TextAnnotation.class));
        part.set(CoreAnnotations.SentencesAnnotation.class, chosen);
        truecaser.annotate(part);
        for (CoreMap s : chosen) {
            for (CoreLabel l : s.get(CoreAnnotations.TokensAnnotation.class)) {
                String cased = l.get(CoreAnnotations.TrueCaseTextAnnotation.class);
                if (cased != null && cased.equalsIgnoreCase(l.word())) setWord(l, cased);
                else l.remove(CoreAnnotations.TrueCaseTextAnnotation.class);
            }
        }
    }

    private static void setWord(CoreLabel l, String word) {
        l.setWord(word);
        l.setValue(word);
    }

    /**
     * The truecaser (about 10 s and 650 MB of heap to load), loaded on the first uncased document by a thread of its
     * own, so a document stopped over its time budget cannot stop the load halfway; later documents wait for it.
     * Null when it cannot load (a models jar without it): the text is then parsed as written.
     */
    private TrueCaseAnnotator truecaser() {
        if (truecaserLoading.compareAndSet(false, true)) {
            loadFrom = System.nanoTime();
            Thread loader = new Thread(
                    () -> {
                        try {
                            Properties p = new Properties();
                            p.setProperty(
                                    "truecase.overwriteText",
                                    "false"); // the words are set here, after checking the form
                            truecaser.complete(new TrueCaseAnnotator(p));
                        } catch (Throwable e) {
                            truecaser.completeExceptionally(e);
                        } finally {
                            loadTo = System.nanoTime();
                        }
                    },
                    "sitrep-truecaser-load");
            loader.setDaemon(true);
            loader.start();
        }
        try {
            return truecaser.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the truecaser loads", e);
        } catch (java.util.concurrent.ExecutionException e) {
            return null;
        }
    }

    @Override
    public long loadingNanos() {
        long from = loadFrom, to = loadTo;
        return from == 0 ? 0 : (to != 0 ? to : System.nanoTime()) - from;
    }

    /** Longest sentence and most text per document given to SUTime, whose rules run away on long runs of date words. */
    static final int SUTIME_MAX_SENTENCE = 600, SUTIME_MAX_TOTAL = 30_000;

    /** Sentences that may hold a time expression, within SUTime's input bounds (beyond them dates come from the own rules). */
    private static List<CoreMap> sutimeCandidates(List<CoreMap> sentences, TimeWords timeWords) {
        List<CoreMap> candidates = new ArrayList<>();
        int total = 0;
        for (CoreMap s : sentences) {
            String text = s.get(CoreAnnotations.TextAnnotation.class);
            if (text.length() > SUTIME_MAX_SENTENCE
                    || total + text.length() > SUTIME_MAX_TOTAL
                    || !timeWords.mayHoldTime(text)) continue;
            candidates.add(s);
            total += text.length();
        }
        return candidates;
    }

    /**
     * SUTime's rules tag the values bound in their environment with the tense a sentence reads in ("resolveTo":
     * past after "met", future after "will"), and the tags stay there for the next document (CoreNLP issue #1061):
     * "will meet again on Thursday" then resolved to last Thursday or next depending on what was coded before.
     * Clearing them before each document makes every date depend on its own text only. Null until found.
     */
    private volatile Map<String, Object> sutimeVariables;

    private void forgetTenseTags() {
        Map<String, Object> vars = sutimeVariables;
        if (vars == null) sutimeVariables = vars = sutimeVariables(sutime);
        for (Object v : vars.values()) {
            if (v instanceof Value value
                    && value.getTags() != null
                    && value.getTags().hasTag("resolveTo")) value.getTags().removeTag("resolveTo");
        }
    }

    /** The variables of SUTime's rule environment; CoreNLP gives no public way to them, so they are read by reflection. */
    private static Map<String, Object> sutimeVariables(TimeAnnotator sutime) {
        try {
            java.lang.reflect.Field extractor = TimeAnnotator.class.getDeclaredField("timexExtractor");
            extractor.setAccessible(true);
            java.lang.reflect.Field rules = TimeExpressionExtractorImpl.class.getDeclaredField("expressionExtractor");
            rules.setAccessible(true);
            CoreMapExpressionExtractor<?> x = (CoreMapExpressionExtractor<?>) rules.get(extractor.get(sutime));
            return x.getEnv().getVariables();
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("SUTime's rule environment not found (CoreNLP changed?)", e);
        }
    }

    /** SUTime over the document, anchored on its publication date; per sentence, token-indexed. */
    private List<List<TimeExpression>> times(Annotation doc, java.time.LocalDate anchor, TimeWords timeWords) {
        List<CoreMap> sentences = doc.get(CoreAnnotations.SentencesAnnotation.class);
        List<List<TimeExpression>> out = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) out.add(new ArrayList<>());
        // SUTime costs; most sentences hold no time expression, so only candidates go through it
        List<CoreMap> candidates = sutimeCandidates(sentences, timeWords);
        if (candidates.isEmpty()) return out;
        Annotation part = new Annotation(doc.get(CoreAnnotations.TextAnnotation.class));
        part.set(CoreAnnotations.SentencesAnnotation.class, candidates);
        part.set(CoreAnnotations.DocDateAnnotation.class, anchor.toString());
        synchronized (sutime) { // its rules' shared state (below) makes it safe for one document at a time only
            forgetTenseTags();
            sutime.annotate(part);
        }
        List<CoreMap> timexes = part.get(TimeAnnotations.TimexAnnotations.class);
        if (timexes == null) return out;
        for (CoreMap t : timexes) {
            Timex timex = t.get(TimeAnnotations.TimexAnnotation.class);
            Integer begin = t.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class),
                    end = t.get(CoreAnnotations.CharacterOffsetEndAnnotation.class);
            if (timex == null || begin == null || end == null) continue;
            for (int si = 0; si < sentences.size(); si++) {
                List<CoreLabel> labels = sentences.get(si).get(CoreAnnotations.TokensAnnotation.class);
                int from = -1, to = -1;
                for (int k = 0; k < labels.size(); k++) {
                    CoreLabel l = labels.get(k);
                    if (l.beginPosition() >= begin && l.endPosition() <= end) {
                        if (from < 0) from = k;
                        to = k;
                    }
                }
                if (from >= 0) {
                    out.get(si)
                            .add(new TimeExpression(
                                    from,
                                    to,
                                    timex.timexType(),
                                    timex.value(),
                                    t.get(CoreAnnotations.TextAnnotation.class)));
                    break;
                }
            }
        }
        return out;
    }
}
