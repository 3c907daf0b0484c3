import { corpusFloorsTest } from '../../support/corpusFloors.js';

// Each floor sits about one question under this corpus's figure in docs/eval.md (see test/support/corpusFloors.ts).
corpusFloorsTest('crowdstrike-outage-2024', { lead: 0.62, wrongShort: 3, accuracy: 0.76, abstention: 0.83, falseAbstentions: 2, citedGold: 0.9, timelineRecall: 0.88, timelinePrecision: 0.8 });
