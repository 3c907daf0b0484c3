/**
 * Verbs of reporting what someone said, wrote or concluded, by dictionary form ("said" → "say",
 * "found" → "find"). A question asking what was said ("What did the minister tell parliament?",
 * "What did the inquiry conclude?") is answered by a sentence that reports a statement with one of
 * them, or quotes it; a sentence that only mentions the speech or the report ("The speech was moved
 * indoors", "The report is the first of three") says nothing of its content. Not "speak" or
 * "address": "spoke with the families", "addressed the nation" tell that words were said, not which.
 */
export const STATEMENT_VERBS: ReadonlySet<string> = new Set([
  'say', 'tell', 'conclude', 'find', 'announce', 'write', 'call', 'describe', 'claim', 'argue', 'admit', 'warn',
  'promise', 'pledge', 'vow', 'declare', 'state', 'add', 'insist', 'stress', 'note', 'urge', 'testify', 'report',
  'explain', 'acknowledge', 'confirm', 'deny', 'suggest', 'recommend', 'blame', 'attribute', 'determine', 'accuse',
  'praise', 'criticise', 'criticize', 'condemn', 'label', 'brand', 'dub', 'term', 'ask', 'reply', 'respond', 'answer',
  'assure', 'concede', 'predict', 'reveal', 'disclose', 'tweet', 'post', 'comment', 'remark', 'observe', 'rule',
  'show', 'indicate', 'cite', 'highlight', 'point', 'express', 'apologise', 'apologize', 'thank', 'welcome', 'dismiss',
  'reject', 'defend', 'tout', 'hail', 'recall', 'estimate', 'assess',
]);
