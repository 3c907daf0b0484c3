/** The help text shared by `--help`, usage errors and the chat's `/help`. */
export const USAGE = `Dossier — answers about your articles, with citations.

Usage (from the project folder):
  npm start                         start the Discord bot if DISCORD_TOKEN is set, otherwise the offline chat
  npm run index                     build or update the index from seeds/ (incremental)
  npm run ask -- "question" [--json] [--k N] [--source FILE] [--from DATE] [--to DATE]
  npm run ask -- --batch FILE [--k N]   one question per line in, one JSON object per line out
  npm run timeline -- [--topic "text" | TOPIC WORDS] [--from DATE] [--to DATE] [--source FILE] [--planned] [--no-history] [--json] [--png FILE]
  npm run sources -- [--json]       the indexed articles with the title, publisher and date read for each
  npm run add -- <URL|FILE>… [--json]   add articles from web pages or .html/.txt/.md files, then update the index
  npm run chat                      interactive prompt: /ask (default), /timeline, /sources, /add, /reindex, /new, /help, /quit
  npm run register                  register the slash commands with Discord
  npm run feedback -- [--format jsonl|csv]   export the 👍/👎 feedback collected by the bot

Dates are ISO prefixes: 2024, 2024-06 or 2024-06-17. Settings: see .env.example.
`;
