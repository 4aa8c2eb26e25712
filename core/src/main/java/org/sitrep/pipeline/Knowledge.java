package org.sitrep.pipeline;

import org.sitrep.actors.ActorKb;
import org.sitrep.events.AcledCrosswalk;
import org.sitrep.events.Codebook;
import org.sitrep.events.Cues;
import org.sitrep.events.ImpliedAgents;
import org.sitrep.events.Lexicon;
import org.sitrep.events.Means;
import org.sitrep.knowledge.KnowledgeFiles;
import org.sitrep.places.Gazetteer;

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
