package org.sitrep;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.sitrep.pipeline.Knowledge;
import org.sitrep.pipeline.Pipeline;
import org.sitrep.text.ConllU;
import org.sitrep.text.FixtureModel;
import org.sitrep.text.LanguageModel;
import org.sitrep.text.Sentence;

/**
 * The fast suite's coder: the real pipeline and knowledge base over parses replayed from fixtures
 * ({@link FixtureModel}), so tests of the coding logic run in milliseconds. While {@code ParseFixturesTest}
 * regenerates fixtures, the same tests run over CoreNLP instead and every parse they ask for is recorded.
 */
public final class FixtureSuite {
    private FixtureSuite() {}

    private static Pipeline replaying;
    private static Pipeline recording;

    public static synchronized Pipeline pipeline() {
        if (recording != null) return recording;
        if (replaying == null) replaying = new Pipeline(new FixtureModel(FixtureModel.DIR), knowledge());
        return replaying;
    }

    /** The real pipeline over {@code model}, e.g. {@code FixtureModel.of(ConllU.read(...))} for a hand-written parse. */
    public static Pipeline pipeline(LanguageModel model) {
        return new Pipeline(model, knowledge());
    }

    /** Until {@link #stopRecording()}, {@link #pipeline()} parses with {@code live} and puts each parse in {@code sink}. */
    static synchronized void record(LanguageModel live, Map<String, ConllU.Parse> sink) {
        recording = new Pipeline(recorder(live, sink), knowledge());
    }

    static synchronized void stopRecording() {
        recording = null;
    }

    private static Knowledge knowledge;

    private static synchronized Knowledge knowledge() {
        if (knowledge == null) knowledge = Knowledge.builtIn();
        return knowledge;
    }

    /** Passes every call through to {@code live} (including methods added to the interface later), noting parses. */
    @SuppressWarnings("unchecked")
    private static LanguageModel recorder(LanguageModel live, Map<String, ConllU.Parse> sink) {
        return (LanguageModel) Proxy.newProxyInstance(
                LanguageModel.class.getClassLoader(), new Class<?>[] {LanguageModel.class}, (proxy, method, args) -> {
                    Object result;
                    try {
                        result = method.invoke(live, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (method.getName().equals("analyze")) {
                        String text = (String) args[0];
                        LocalDate anchor = args.length > 1 ? (LocalDate) args[1] : null;
                        String key = FixtureModel.key(text, anchor);
                        sink.put(key, new ConllU.Parse(key, text, anchor, (List<Sentence>) result));
                    }
                    return result;
                });
    }
}
