import { escapeMarkdown } from 'discord.js';

/** `[label](url)`, `[label](<url>)` and `[label](url "title")`: a link whose text hides where it goes. */
const MASKED_LINK = /\[([^\]\n]{0,200})\]\(\s*<?(https?:\/\/[^\s)>]+)>?(?:\s+"[^"\n]*")?\s*\)/gi;

/** `@everyone`, `@here`, `<@id>`, `<@!id>`, `<@&role>`, `<#channel>`. */
const MENTION = /@(everyone|here)\b|<(@[!&]?|#)(\d{15,25})>/g;

/** Zero-width space: breaks a mention or a link's syntax without changing what a reader sees. */
const ZWSP = '\u200b';

/**
 * Text that came from a model or an article, made safe to show as Discord markdown: a masked link
 * becomes its label and its plain URL (so a reader sees where it goes), mentions are broken so
 * they neither ping (that `allowedMentions` already prevents) nor render as a name, and markdown
 * (bold, code fences, headings, lists, block quotes) is escaped so it shows as typed. Citation
 * markers (`[1]`) are left as they are.
 */
export function untrustedText(text: string): string {
  const unmasked = text.replace(MASKED_LINK, (_, label: string, url: string) => (label.trim() === '' ? `<${url}>` : `${label} (<${url}>)`));
  const escaped = escapeMarkdown(unmasked, { heading: true, bulletedList: true, numberedList: true });
  // A line starting with ">" would quote; "-#" is subtext.
  const lines = escaped.replace(/^(\s*)(>|-#)/gm, '$1\\$2');
  return lines.replace(MENTION, (_m, everyone: string | undefined, kind: string | undefined, id: string | undefined) =>
    everyone ? `@${ZWSP}${everyone}` : `<${kind ?? ''}${ZWSP}${id ?? ''}>`,
  );
}
