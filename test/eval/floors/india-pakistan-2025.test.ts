import { corpusFloorsTest } from '../../support/corpusFloors.js';

// Each floor sits about one question under this corpus's figure in docs/eval.md (see test/support/corpusFloors.ts).
corpusFloorsTest('india-pakistan-2025', { lead: 0.64, wrongShort: 3, accuracy: 0.82, abstention: 0.75, falseAbstentions: 3, citedGold: 0.87, timelineRecall: 0.97, timelinePrecision: 0.88 });
