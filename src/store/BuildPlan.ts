import { chunkingChanges } from './IndexManifest.js';
import type { Chunking, IndexManifest } from './IndexManifest.js';

/** A corpus file as far as planning goes (a fingerprint); without `metaSha256` sidecars are not compared. */
export interface FileState {
  source: string;
  sha256: string;
  metaSha256?: string | null;
}

/** What a build makes: vectors from this embedder, passages cut this way. */
export interface BuildTarget {
  embedder: IndexManifest['embedder'];
  chunking: Chunking;
}

/** The generation a plan starts from: none yet, one that cannot be read, or its manifest. */
export type PlanBase = { kind: 'none' } | { kind: 'unreadable'; reason: string } | { kind: 'manifest'; manifest: IndexManifest };

/**
 * What a build has to do, from the live generation's manifest and the corpus's fingerprints alone
 * (no article is read). The engine uses it to decide what to read, `updateIndex` what to reuse and
 * embed, and start-up whether the index is stale. Each source is in exactly one of `added`,
 * `changed`, `metaChanged`, `unchanged` and `skippedUnchanged`; `removed` lists the indexed sources
 * the corpus no longer has.
 */
export interface BuildPlan {
  /** What the build makes (embedder, chunking). */
  target: BuildTarget;
  /** The live generation's manifest: null when there is none or it cannot be read. */
  previous: IndexManifest | null;
  /**
   * True when the live generation's passages and vectors may be reused (same embedder, same
   * chunking); false means everything is read and embedded afresh.
   */
  incremental: boolean;
  /** Why nothing can be reused although a generation exists (another embedder, other chunking, unreadable). */
  fullReason?: string;
  /** How the chunking differs from the manifest's: passage settings, or the ingestion rules (cleaner version). */
  chunking: { settings: boolean; rules: boolean };
  /** Not indexed before (a file skipped before whose fingerprint changed counts as added). */
  added: string[];
  /** Indexed before, with other bytes now. */
  changed: string[];
  /** Same bytes, new sidecar: same passages, new metadata. */
  metaChanged: string[];
  /** Same bytes and sidecar as indexed. */
  unchanged: string[];
  /** Skipped by the last build and still the same: not read again. */
  skippedUnchanged: string[];
  /** Indexed before, no longer in the corpus. */
  removed: string[];
  /** Whether the generation differs from what a build would make now. */
  stale: boolean;
}

const sameMeta = (f: FileState, old: { metaSha256: string | null }) => f.metaSha256 === undefined || f.metaSha256 === old.metaSha256;

/** Why `manifest` cannot be the base of an incremental build for `target`; undefined when it can. */
function fullBuildReason(manifest: IndexManifest, target: BuildTarget): string | undefined {
  const e = manifest.embedder;
  if (e.id !== target.embedder.id || e.dimension !== target.embedder.dimension) {
    return `embedder changed: index was built with ${e.id} (${e.dimension} dims); now using ${target.embedder.id} (${target.embedder.dimension} dims)`;
  }
  const { settings, rules } = chunkingChanges(manifest.chunking, target.chunking);
  if (!settings && !rules) return undefined;
  const a = manifest.chunking;
  const b = target.chunking;
  return `chunking changed (maxChars ${a.maxChars}→${b.maxChars}, overlap ${a.overlapSentences}→${b.overlapSentences}, cleaner ${a.cleanerVersion}→${b.cleanerVersion})`;
}

/**
 * Plans a build of `files` over `base`. A file the last build skipped counts as unchanged while its
 * fingerprint is the same, so an empty file in the folder does not make every start a rebuild.
 */
export function planBuild(base: PlanBase, files: readonly FileState[], target: BuildTarget): BuildPlan {
  const previous = base.kind === 'manifest' ? base.manifest : null;
  const fullReason = base.kind === 'unreadable' ? `the current index is unreadable: ${base.reason}` : previous ? fullBuildReason(previous, target) : undefined;
  const plan: BuildPlan = {
    target,
    previous,
    incremental: previous !== null && fullReason === undefined,
    ...(fullReason === undefined ? {} : { fullReason }),
    chunking: previous ? chunkingChanges(previous.chunking, target.chunking) : { settings: false, rules: false },
    added: [],
    changed: [],
    metaChanged: [],
    unchanged: [],
    skippedUnchanged: [],
    removed: [],
    stale: true,
  };
  const seen = new Set<string>();
  for (const f of files) {
    seen.add(f.source);
    const old = previous?.files[f.source];
    const skipped = previous?.skipped[f.source];
    if (old) (old.sha256 !== f.sha256 ? plan.changed : sameMeta(f, old) ? plan.unchanged : plan.metaChanged).push(f.source);
    else if (skipped && skipped.sha256 === f.sha256 && sameMeta(f, skipped)) plan.skippedUnchanged.push(f.source);
    else plan.added.push(f.source);
  }
  plan.removed = previous ? Object.keys(previous.files).filter((s) => !seen.has(s)) : [];
  plan.stale = !plan.incremental || plan.added.length + plan.changed.length + plan.metaChanged.length + plan.removed.length > 0;
  return plan;
}

/** Why the index no longer matches the corpus, in a few words, or undefined when it does (sidecars included, by hash). */
export function describeStaleness(plan: BuildPlan): string | undefined {
  if (!plan.stale) return undefined;
  const parts: string[] = [];
  if (plan.added.length) parts.push(`${plan.added.length} added`);
  if (plan.changed.length) parts.push(`${plan.changed.length} changed`);
  if (plan.removed.length) parts.push(`${plan.removed.length} removed`);
  if (plan.chunking.rules) parts.push('this version of Dossier reads articles differently');
  if (plan.chunking.settings) parts.push('passage settings changed');
  if (plan.metaChanged.length) parts.push(`${plan.metaChanged.length} with new metadata`);
  if (parts.length === 0 && plan.fullReason) parts.push(plan.fullReason);
  return parts.length ? parts.join(', ') : undefined;
}
