package org.sitrep.knowledge;

/** Everything sitrep knows, loaded once from the data files: actors, codebook, lexicon, cues, implied agents, means of violence, ACLED types, places. */
public record Knowledge(ActorKb actors, Codebook codebook, Lexicon lexicon, Cues cues, ImpliedAgents impliedAgents, Means means, AcledCrosswalk acled,
                        Gazetteer gazetteer) {

    public static Knowledge load(KnowledgeFiles files) {
        Codebook codebook = Codebook.load(files);
        Cues cues = Cues.load(files);
        return new Knowledge(ActorKb.load(files), codebook, Lexicon.load(files, codebook), cues, ImpliedAgents.load(files),
                Means.load(files, codebook, cues), AcledCrosswalk.load(files), Gazetteer.load(files));
    }

    public static Knowledge builtIn() {
        return load(KnowledgeFiles.builtIn());
    }
}
