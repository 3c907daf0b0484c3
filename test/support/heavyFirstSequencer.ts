import path from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Test files known to take longest: each quality-floor file indexes a shared corpus and answers its
 * questions, and the shipped-launcher test runs three processes of the product.
 */
const HEAVY = [/^test\/eval\/floors\//, /^test\/scripts\/shippedEntryPoints\.test\.ts$/];

/**
 * Vitest's order (failed first, then longest first by the durations of the last run, kept in
 * `node_modules/.vite`), except that files never run before, as in a fresh clone, fall back to
 * largest first: the floor files are a few lines each and would start last, leaving one worker
 * measuring a corpus while the other has nothing to do. Those of {@link HEAVY} without a recorded
 * duration go first.
 */
export default class HeavyFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const root = this.ctx.config.root;
    const relative = (spec: TestSpecification) => path.relative(root, spec.moduleId).split(path.sep).join('/');
    const unknownHeavy = (spec: TestSpecification) =>
      HEAVY.some((pattern) => pattern.test(relative(spec))) && this.ctx.cache.getFileTestResults(`${spec.project.name}:${path.relative(root, spec.moduleId)}`) === undefined;
    return [...sorted.filter(unknownHeavy), ...sorted.filter((spec) => !unknownHeavy(spec))];
  }
}
