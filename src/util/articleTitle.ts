/** What an article without a title is called, wherever articles are listed or cited. */
export const UNTITLED = '(no title found)';

/**
 * An article's name as people see it: its title, or `UNTITLED`. Its file is always shown beside it
 * the same way, as its `source` path ("seeds/…"), never as a bare file name standing in for a title.
 */
export function articleTitle(title: string | null | undefined): string {
  return title ?? UNTITLED;
}
