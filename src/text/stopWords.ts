/**
 * The English stop words dropped from index and query terms: the default list of wink-nlp-utils
 * 2.1.0's `tokens.removeWords` (MIT), copied here because the package exposes the list only through
 * that function, and loading the package's index costs well over a second at start-up (two of its
 * helpers build a whole wink-nlp model). Index and queries must drop the same words, and a stored
 * index was built with this list, so it changes only together with a rebuild; a test checks it
 * against the package's public `tokens.removeWords`.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  ...['i', 'me', 'my', 'myself', 'we', 'our', 'ours', 'ourselves', 'you', 'your', 'yours', 'yourself', 'yourselves'],
  ...['he', 'him', 'his', 'himself', 'she', 'her', 'hers', 'herself', 'it', 'its', 'itself', 'they', 'them', 'their'],
  ...['theirs', 'themselves', 'what', 'which', 'who', 'whom', 'this', 'that', 'these', 'those', 'am', 'is', 'are', 'was'],
  ...['were', 'be', 'been', 'being', 'have', 'has', 'had', 'having', 'do', 'does', 'did', 'doing', 'would', 'should'],
  ...['could', 'ought', "i'm", "you're", "he's", "she's", "it's", "we're", "they're", "i've", "you've", "we've", "they've"],
  ...["i'd", "you'd", "he'd", "she'd", "we'd", "they'd", "i'll", "you'll", "he'll", "she'll", "we'll", "they'll", "let's"],
  ...["that's", "who's", "what's", "here's", "there's", "when's", "where's", "why's", "how's", 'a', 'an', 'the', 'and'],
  ...['but', 'if', 'or', 'because', 'as', 'until', 'while', 'of', 'at', 'by', 'for', 'with', 'about', 'against', 'between'],
  ...['into', 'through', 'during', 'before', 'after', 'above', 'below', 'to', 'from', 'up', 'down', 'in', 'out', 'on', 'off'],
  ...['over', 'under', 'again', 'further', 'then', 'once', 'here', 'there', 'when', 'where', 'why', 'how', 'all', 'any'],
  ...['both', 'each', 'few', 'more', 'most', 'other', 'some', 'such', 'only', 'own', 'same', 'so', 'than', 'too', 'very'],
]);
