import type { WordForm } from '../wordForms.js';

/**
 * A verb whose particle changes what it means ("take *over*", "step *down*", "back *out*"): the
 * asked action is the pair, not the light verb alone, and articles write it in other words ("was
 * named to head", "resigned", "pulled out of the deal"). WordNet relates neither the pair nor most
 * of those words to the verb, so each entry lists what news writes instead. General newsroom
 * English, not one story's words.
 */
export interface PhrasalVerb {
  name: string;
  /** The verb's dictionary form ("take"), and the spellings a tagger may leave unlemmatised ("took"). */
  verb: string;
  forms: readonly string[];
  particle: string;
  /** Words (dictionary forms) an article may use for the pair. */
  related: readonly string[];
}

export const PHRASAL_VERBS: readonly PhrasalVerb[] = [
  { name: 'take-over', verb: 'take', forms: ['take', 'takes', 'took', 'taken', 'taking'], particle: 'over', related: ['succeed', 'replace', 'head', 'lead', 'run', 'assume', 'acquire', 'buy', 'appoint', 'name', 'successor', 'helm', 'takeover'] },
  { name: 'step-down', verb: 'step', forms: ['step', 'steps', 'stepped', 'stepping'], particle: 'down', related: ['resign', 'quit', 'leave', 'retire', 'depart', 'resignation', 'departure'] },
  { name: 'back-out', verb: 'back', forms: ['back', 'backs', 'backed', 'backing'], particle: 'out', related: ['withdraw', 'pull', 'abandon', 'scrap', 'drop', 'cancel', 'walk', 'withdrawal'] },
  { name: 'pull-out', verb: 'pull', forms: ['pull', 'pulls', 'pulled', 'pulling'], particle: 'out', related: ['withdraw', 'abandon', 'quit', 'leave', 'exit', 'withdrawal', 'scrap'] },
  { name: 'walk-away', verb: 'walk', forms: ['walk', 'walks', 'walked', 'walking'], particle: 'away', related: ['withdraw', 'abandon', 'quit', 'pull', 'withdrawal'] },
  { name: 'sign-off', verb: 'sign', forms: ['sign', 'signs', 'signed', 'signing'], particle: 'off', related: ['approve', 'authorize', 'authorise', 'endorse', 'approval', 'set'] },
  { name: 'set-up', verb: 'set', forms: ['set', 'sets', 'setting'], particle: 'up', related: ['establish', 'create', 'found', 'build', 'open', 'launch', 'erect', 'install', 'pitch'] },
  { name: 'carry-out', verb: 'carry', forms: ['carry', 'carries', 'carried', 'carrying'], particle: 'out', related: ['conduct', 'perform', 'execute', 'undertake', 'lead'] },
  { name: 'hand-over', verb: 'hand', forms: ['hand', 'hands', 'handed', 'handing'], particle: 'over', related: ['give', 'deliver', 'present', 'transfer', 'surrender', 'submit', 'handover'] },
  { name: 'break-out', verb: 'break', forms: ['break', 'breaks', 'broke', 'broken', 'breaking'], particle: 'out', related: ['start', 'begin', 'erupt', 'ignite', 'spark', 'outbreak'] },
  { name: 'turn-back', verb: 'turn', forms: ['turn', 'turns', 'turned', 'turning'], particle: 'back', related: ['retreat', 'return', 'reverse', 'halt', 'withdraw', 'stop'] },
  { name: 'turn-around', verb: 'turn', forms: ['turn', 'turns', 'turned', 'turning'], particle: 'around', related: ['retreat', 'return', 'reverse', 'halt', 'withdraw', 'stop'] },
  { name: 'shut-down', verb: 'shut', forms: ['shut', 'shuts', 'shutting'], particle: 'down', related: ['close', 'halt', 'stop', 'suspend', 'shutdown', 'closure', 'crash', 'disable'] },
  { name: 'lay-off', verb: 'lay', forms: ['lay', 'lays', 'laid', 'laying'], particle: 'off', related: ['cut', 'fire', 'dismiss', 'eliminate', 'layoff', 'redundancy', 'job'] },
  { name: 'give-up', verb: 'give', forms: ['give', 'gives', 'gave', 'given', 'giving'], particle: 'up', related: ['abandon', 'surrender', 'relinquish', 'quit', 'resign', 'renounce'] },
  { name: 'wipe-out', verb: 'wipe', forms: ['wipe', 'wipes', 'wiped', 'wiping'], particle: 'out', related: ['destroy', 'erase', 'eliminate', 'obliterate', 'raze', 'flatten'] },
  { name: 'call-off', verb: 'call', forms: ['call', 'calls', 'called', 'calling'], particle: 'off', related: ['cancel', 'abandon', 'scrap', 'halt', 'suspend'] },
  { name: 'put-out', verb: 'put', forms: ['put', 'puts', 'putting'], particle: 'out', related: ['extinguish', 'douse', 'contain'] },
  { name: 'speed-up', verb: 'speed', forms: ['speed', 'speeds', 'sped', 'speeded', 'speeding'], particle: 'up', related: ['accelerate', 'hasten', 'quicken', 'fuel'] },
];

/** The phrasal verb whose verb is `forms[i]` and whose particle follows it, if any ("took *over*"). */
export function phrasalVerbAt(forms: readonly Pick<WordForm, 'norm' | 'lemma'>[], i: number): PhrasalVerb | undefined {
  const word = forms[i];
  const next = forms[i + 1];
  if (!word || !next) return undefined;
  return PHRASAL_VERBS.find((p) => p.particle === next.norm && (p.verb === word.lemma || p.forms.includes(word.norm)));
}

const patterns = new Map<string, RegExp>();

/** "took over", "takes over": any spelling of the verb, then its particle. */
function patternOf(p: PhrasalVerb): RegExp {
  let pattern = patterns.get(p.name);
  if (!pattern) {
    pattern = new RegExp(`\\b(?:${p.forms.join('|')})\\s+${p.particle}\\b`, 'i');
    patterns.set(p.name, pattern);
  }
  return pattern;
}

/** The phrasal verbs a text uses ("Who took over the board?" → take over). */
export function phrasalVerbsIn(text: string): PhrasalVerb[] {
  return PHRASAL_VERBS.filter((p) => patternOf(p).test(text));
}
