/**
 * A month (written out or abbreviated) or a weekday, or a feast that dates ("Easter"), as one word:
 * capitalised like a name, but a date. A question's "in August" is a constraint, not a name, and
 * "in March Haftar flew" does not give Haftar another first name.
 */
export const CALENDAR_WORD = /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|monday|tuesday|wednesday|thursday|friday|saturday|sunday|christmas|easter)$/i;
