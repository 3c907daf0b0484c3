import type { AnswerCandidate } from './extractCandidates.js';
import type { Token } from './EvidenceSentence.js';

/**
 * What may stand between a noun and the name given to it after it: nothing ("the ferry
 * Finkenwerder", "widow Jane Roe"), a comma, colon or parenthesis ("his widow, Jane Roe", "a small
 * ferry, the Finkenwerder", "the captain of the Sea Lark, Jane Roe"), or a verb of naming ("a
 * baby girl named Aya", "the vehicle, known as Odysseus").
 */
const NAME_AFTER = /^(?:\s+of\s+(?:the\s+)?[\p{L}\p{N}'’.-]+(?:\s+[\p{L}\p{N}'’.-]+){0,2}(?=\s*,))?\s*[,:(]?\s*(?:(?:named|called|dubbed|nicknamed|christened|known\s+as|identified\s+as)\s+)?(?:the\s+)?["“‘']?$/iu;

/** A verb of naming a few words after the noun: "the baby rescued in Eastport, named Aya". */
const NAMED_LATER = /^(?:\s+[\p{L}\p{N}'’.-]+){0,4}\s*,?\s*(?:named|called|dubbed|nicknamed|christened|known\s+as)\s+(?:the\s+)?["“‘']?$/iu;

/**
 * What may stand between a name and the noun it is given after it: the rest of the name ("The
 * Chesapeake 1000, the largest crane"), a comma, a determiner or owner, and up to two modifiers
 * ("Jane Roe, Saman's widow", "Jane Roe, a 40-year-old nurse").
 */
const NAME_SET_OFF = /^(?:\s+[\p{Lu}\p{N}][\p{L}\p{N}-]*)*\s*,\s*(?:(?:the|a|an|his|her|their|its|[\p{Lu}][\p{L}\p{M}.-]*['’]s)\s+)?(?:[\p{L}\p{N}-]+\s+){0,2}$/u;

/** Words that may sit between a name and the noun it modifies ("the Wild Boars youth football team"). */
const MODIFIER_POS = new Set(['NOUN', 'PROPN', 'ADJ', 'NUM']);

/**
 * Whether a name right before the noun modifies it: only nouns, adjectives and numbers (at most
 * two) between them, or a closing bracket or quote ("Moo Pa (Wild Boars) football team"). "Narongsak
 * confirms four boys" has a verb between: the name is no boy's.
 */
function modifies(tokens: readonly Token[], candidate: AnswerCandidate, head: Token): boolean {
  const between = tokens.filter((t) => t.start >= candidate.end && t.start < head.start);
  const words = between.filter((t) => !/^[)"”’']$/u.test(t.text));
  return words.length <= 2 && words.every((t) => MODIFIER_POS.has(t.pos));
}

/**
 * Whether one of the candidate names is given to the asked noun at one of `heads` (the sentence's
 * tokens that are that noun): placed right after it, set off right before it, or modifying it. A
 * noun followed by a possessive is an owner ("the baby's mother, Afraa" names the mother), and a
 * noun that modifies another ("the protest camp") is not the thing named.
 */
export function namesTheHead(text: string, tokens: readonly Token[], heads: readonly Token[], candidates: readonly AnswerCandidate[]): boolean {
  return heads.some((h) => {
    const end = h.start + h.text.length;
    if (/^['’]s\b/u.test(text.slice(end))) return false;
    return candidates.some((c) => {
      if (c.start >= end) return NAME_AFTER.test(text.slice(end, c.start)) || NAMED_LATER.test(text.slice(end, c.start));
      // A name that holds the noun names one of its kind ("Operation Sindoor", "Hurricane Dora").
      if (c.end > h.start) return c.start <= h.start && c.end >= end;
      return NAME_SET_OFF.test(text.slice(c.end, h.start)) || modifies(tokens, c, h);
    });
  });
}
