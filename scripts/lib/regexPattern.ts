import { z } from 'zod';

/** A gold-file regular expression (matched case-insensitively): a string that compiles. */
export const regexPattern = z.string().refine(
  (p) => {
    try {
      new RegExp(p, 'i');
      return true;
    } catch {
      return false;
    }
  },
  { message: 'not a valid regular expression' },
);
