package org.sitrep.analysis;

/**
 * The layers of an {@link Analysis} that stages write and read. Each {@link Stage} says which it requires and which
 * it writes; the pipeline refuses an order in which a stage requires a layer no earlier stage wrote.
 */
public enum Layer {
    /** Sentences with tokens and parses, and the wire dateline. */
    SENTENCES,
    /** Toponyms, locative or standing for an actor. */
    PLACES,
    /** Actor mentions, per sentence. */
    MENTIONS,
    /** Quoted speech and its speakers. */
    QUOTES,
    /** Event drafts: found, framed, merged, typed; several stages write this layer in turn. */
    EVENTS,
    /** Links between events (cause). */
    RELATIONS,
    /** The event model's reading of sentences (only with the model). */
    OPINIONS
}
