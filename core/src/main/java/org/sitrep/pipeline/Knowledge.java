package org.sitrep.pipeline;

import org.sitrep.events.Means;
import org.sitrep.knowledge.AcledCrosswalk;
import org.sitrep.knowledge.ActorKb;
import org.sitrep.knowledge.Codebook;
import org.sitrep.knowledge.Cues;
import org.sitrep.knowledge.Gazetteer;
import org.sitrep.knowledge.ImpliedAgents;
import org.sitrep.knowledge.KnowledgeFiles;
import org.sitrep.knowledge.Lexicon;

/** Everything sitrep knows, loaded once from the data files: actors, codebook, lexicon, cues, implied agents, means of violence, ACLED types, places. */
public record Knowledge(
        ActorKb actors,
        Codebook codebook,
        Lexicon lexicon,
        Cues cues,
        ImpliedAgents impliedAgents,
        Means means,
        AcledCrosswalk acled,
        Gazetteer gazetteer) {

    public static Knowledge load(KnowledgeFiles files) {
        Codebook codebook = Codebook.load(files);
        Cues cues = Cues.load(files);
        return new Knowledge(
                ActorKb.load(files),
                codebook,
                Lexicon.load(files, codebook),
                cues,
                ImpliedAgents.load(files),
                Means.load(files, codebook, cues),
                AcledCrosswalk.load(files),
                Gazetteer.load(files));
    }

    public static Knowledge builtIn() {
        return load(KnowledgeFiles.builtIn());
    }
}
