/**
 * Text from articles (and from a model) is untrusted: an escape sequence in it could move the
 * cursor, recolour or retitle a terminal. Control characters other than newline and tab are
 * dropped, escape sequences included.
 */
export function sanitizeTerminal(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '');
}
