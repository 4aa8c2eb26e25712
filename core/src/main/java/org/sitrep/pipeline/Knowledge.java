package org.sitrep.pipeline;

import org.sitrep.actors.ActorKb;
import org.sitrep.events.AcledCrosswalk;
import org.sitrep.events.Codebook;
import org.sitrep.events.Cues;
import org.sitrep.events.ImpliedAgents;
import org.sitrep.events.Lexicon;
import org.sitrep.knowledge.KnowledgeFiles;
import org.sitrep.places.Gazetteer;

/** Everything sitrep knows, loaded once from the data files: actors, codebook, lexicon, cues, implied agents, ACLED types, places. */
public record Knowledge(ActorKb actors, Codebook codebook, Lexicon lexicon, Cues cues, ImpliedAgents impliedAgents, AcledCrosswalk acled, Gazetteer gazetteer) {

    public static Knowledge load(KnowledgeFiles files) {
        Codebook codebook = Codebook.load(files);
        return new Knowledge(ActorKb.load(files), codebook, Lexicon.load(files, codebook), Cues.load(files), ImpliedAgents.load(files),
                AcledCrosswalk.load(files), Gazetteer.load(files));
    }

    public static Knowledge builtIn() {
        return load(KnowledgeFiles.builtIn());
    }
}
