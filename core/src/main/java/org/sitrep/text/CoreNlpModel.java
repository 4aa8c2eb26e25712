package org.sitrep.text;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphCoreAnnotations;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import edu.stanford.nlp.time.TimeAnnotations;
import edu.stanford.nlp.time.TimeAnnotator;
import edu.stanford.nlp.time.Timex;
import edu.stanford.nlp.util.CoreMap;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Stanford CoreNLP behind {@link LanguageModel}: tokenize, ssplit, pos, lemma, 3-class NER, the neural
 * dependency parser, and SUTime for time expressions anchored on the publication date. Fine-grained NER, numeric classifiers and SUTime are off: they cost most
 * of the time and the knowledge base already knows the names. Build once per JVM ({@link #shared()}).
 */
public final class CoreNlpModel implements LanguageModel {

    private static volatile CoreNlpModel shared;
    private static final java.util.regex.Pattern TEMPORAL = java.util.regex.Pattern.compile(
            "(?i)\\b(\\d{4}|\\d{1,2}(st|nd|rd|th)?|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july"
            + "|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|yesterday|today|tonight|tomorrow|ago"
            + "|week|weekend|month|year|decade|century|morning|afternoon|evening|night|last|next|earlier|later|recently|christmas|easter|ramadan|eid)\\b");
    private final StanfordCoreNLP pipeline;
    private final TimeAnnotator sutime;

    public CoreNlpModel() {
        Properties p = new Properties();
        p.setProperty("annotators", "tokenize,ssplit,pos,lemma,ner,depparse");
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
        this.pipeline = new StanfordCoreNLP(p);
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

    @Override
    public List<Sentence> analyze(String text, java.time.LocalDate anchor) {
        Annotation doc = new Annotation(text);
        pipeline.annotate(doc);
        List<List<TimeExpression>> times = anchor == null ? null : times(doc, anchor);
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
                String lemma = l.lemma() == null ? word : l.lemma();
                tokens.add(new Token(i, word, lemma.toLowerCase(java.util.Locale.ROOT), l.tag(),
                        l.ner() == null ? "O" : l.ner(), l.beginPosition(), l.endPosition(), heads[i], rels[i]));
            }
            int start = labels.get(0).beginPosition();
            int end = labels.get(n - 1).endPosition();
            out.add(new Sentence(out.size(), start, end, text.substring(start, end), tokens,
                    times == null || times.size() <= out.size() ? List.of() : times.get(out.size())));
        }
        return out;
    }

    /** Longest sentence and most text per document given to SUTime, whose rules run away on long runs of date words. */
    static final int SUTIME_MAX_SENTENCE = 600, SUTIME_MAX_TOTAL = 30_000;

    /** Sentences that may hold a time expression, within SUTime's input bounds (beyond them dates come from the own rules). */
    private static List<CoreMap> sutimeCandidates(List<CoreMap> sentences) {
        List<CoreMap> candidates = new ArrayList<>();
        int total = 0;
        for (CoreMap s : sentences) {
            String text = s.get(CoreAnnotations.TextAnnotation.class);
            if (text.length() > SUTIME_MAX_SENTENCE || total + text.length() > SUTIME_MAX_TOTAL || !TEMPORAL.matcher(text).find()) continue;
            candidates.add(s);
            total += text.length();
        }
        return candidates;
    }

    /** SUTime over the document, anchored on its publication date; per sentence, token-indexed. */
    private List<List<TimeExpression>> times(Annotation doc, java.time.LocalDate anchor) {
        List<CoreMap> sentences = doc.get(CoreAnnotations.SentencesAnnotation.class);
        List<List<TimeExpression>> out = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) out.add(new ArrayList<>());
        // SUTime costs; most sentences hold no time expression, so only candidates go through it
        List<CoreMap> candidates = sutimeCandidates(sentences);
        if (candidates.isEmpty()) return out;
        Annotation part = new Annotation(doc.get(CoreAnnotations.TextAnnotation.class));
        part.set(CoreAnnotations.SentencesAnnotation.class, candidates);
        part.set(CoreAnnotations.DocDateAnnotation.class, anchor.toString());
        sutime.annotate(part);
        List<CoreMap> timexes = part.get(TimeAnnotations.TimexAnnotations.class);
        if (timexes == null) return out;
        for (CoreMap t : timexes) {
            Timex timex = t.get(TimeAnnotations.TimexAnnotation.class);
            Integer begin = t.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class), end = t.get(CoreAnnotations.CharacterOffsetEndAnnotation.class);
            if (timex == null || begin == null || end == null) continue;
            for (int si = 0; si < sentences.size(); si++) {
                List<CoreLabel> labels = sentences.get(si).get(CoreAnnotations.TokensAnnotation.class);
                int from = -1, to = -1;
                for (int k = 0; k < labels.size(); k++) {
                    CoreLabel l = labels.get(k);
                    if (l.beginPosition() >= begin && l.endPosition() <= end) { if (from < 0) from = k; to = k; }
                }
                if (from >= 0) {
                    out.get(si).add(new TimeExpression(from, to, timex.timexType(), timex.value(), t.get(CoreAnnotations.TextAnnotation.class)));
                    break;
                }
            }
        }
        return out;
    }
}
