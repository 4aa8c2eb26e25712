package org.sitrep.analysis;

/**
 * Quoted speech: characters [start, end) of the document (without the quote marks). The speaker is
 * found at a speech verb next to the quote ("..., Trump tweeted") or in a tweet's signature line.
 * {@code speakerSentence}/{@code speakerToken} point at the speaker's head token; {@code cueSentence}/
 * {@code cueToken} at the speech verb (-1 when a signature line named the speaker).
 */
public record Quote(
        int start,
        int end,
        String text,
        int speakerSentence,
        int speakerToken,
        String speakerName,
        int cueSentence,
        int cueToken,
        String cue) {
    public boolean covers(int offset) {
        return offset >= start && offset < end;
    }
}
