import { corpusFloorsTest } from '../../support/corpusFloors.js';

// Each floor sits a little under this corpus's figure in docs/eval.md (see test/support/corpusFloors.ts).
corpusFloorsTest('india-pakistan-2025', { lead: 0.58, wrongShort: 3, accuracy: 0.78, abstention: 0.5, falseAbstentions: 4, citedGold: 0.85, timelineRecall: 0.9, timelinePrecision: 0.82 });
