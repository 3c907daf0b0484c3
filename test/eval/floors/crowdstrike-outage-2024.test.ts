import { corpusFloorsTest } from '../../support/corpusFloors.js';

// Each floor sits a little under this corpus's figure in docs/eval.md (see test/support/corpusFloors.ts).
corpusFloorsTest('crowdstrike-outage-2024', { lead: 0.58, wrongShort: 3, accuracy: 0.68, abstention: 0.5, falseAbstentions: 5, citedGold: 0.85, timelineRecall: 0.85, timelinePrecision: 0.7 });
