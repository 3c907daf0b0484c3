import { corpusFloorsTest } from '../../support/corpusFloors.js';

// Each floor sits a little under this corpus's figure in docs/eval.md (see test/support/corpusFloors.ts).
corpusFloorsTest('germany-election-2025', { lead: 0.38, wrongShort: 3, accuracy: 0.56, abstention: 0.41, falseAbstentions: 4, citedGold: 0.83, timelineRecall: 0.85, timelinePrecision: 0.78 });
