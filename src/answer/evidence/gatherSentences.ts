import type { RetrievedPassage } from '../../retrieval/RetrievedPassage.js';
import { isTableRow } from '../../ingest/textShape.js';
import type { EvidenceSentence } from './EvidenceSentence.js';
import { tokenize } from './tokenize.js';

/**
 * The sentences of the retrieved passages, each once (overlapping passages share sentences), with
 * their best passage's retrieval score and rank, and linked to the sentences around them.
 * A table's header row names columns and says nothing itself, so it is left out.
 */
export function gatherSentences(retrieved: readonly RetrievedPassage[]): EvidenceSentence[] {
  const best = Math.max(...retrieved.map((r) => r.score), 1e-9);
  const bySpan = new Map<string, EvidenceSentence>();
  retrieved.forEach((r, rank) => {
    r.passage.sentences.forEach((s, i, all) => {
      if (i > 0 && isTableRow(s.text) && !isTableRow(all[i - 1]?.text ?? '') && isTableRow(all[i + 1]?.text ?? '')) return;
      const key = `${r.passage.source}#${s.start}`;
      if (bySpan.has(key)) return;
      bySpan.set(key, {
        passage: r.passage,
        start: s.start,
        end: s.end,
        text: s.text,
        tokens: tokenize(s.text),
        retrieval: Math.max(0, r.score / best),
        rank,
        // Articles put the news first: a sentence's place in its article (99: past the first passage).
        position: r.passage.index === 0 ? i : 99,
        previous: undefined,
        next: undefined,
      });
    });
  });
  const sentences = [...bySpan.values()];
  const bySource = new Map<string, EvidenceSentence[]>();
  for (const s of sentences) bySource.set(s.passage.source, [...(bySource.get(s.passage.source) ?? []), s]);
  for (const list of bySource.values()) {
    list.sort((a, b) => a.start - b.start);
    list.forEach((s, i) => {
      const prev = list[i - 1];
      const next = list[i + 1];
      // Neighbours only when adjacent in the article: no other kept sentence may lie between.
      s.previous = prev && isAdjacent(prev, s) ? prev : undefined;
      s.next = next && isAdjacent(s, next) ? next : undefined;
    });
  }
  return sentences;
}

function isAdjacent(a: EvidenceSentence, b: EvidenceSentence): boolean {
  const ia = a.passage.sentences.findIndex((s) => s.start === a.start);
  const ib = a.passage.sentences.findIndex((s) => s.start === b.start);
  return ia >= 0 && ib === ia + 1;
}
