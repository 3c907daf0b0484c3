import { corpusFloorsTest } from '../../support/corpusFloors.js';

// Each floor sits about one question under this corpus's figure in docs/eval.md (see test/support/corpusFloors.ts).
corpusFloorsTest('germany-election-2025', { lead: 0.58, wrongShort: 3, accuracy: 0.75, abstention: 0.66, falseAbstentions: 2, citedGold: 0.95, timelineRecall: 0.9, timelinePrecision: 0.85 });
