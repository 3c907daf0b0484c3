import type { Command } from '../Command.js';
import { add } from './add.js';
import { ask } from './ask.js';
import { reindex } from './reindex.js';
import { sources } from './sources.js';
import { timeline } from './timeline.js';

/** Every slash command, as registered and dispatched. */
export const commands: readonly Command[] = [ask, timeline, sources, add, reindex];

/** Looks a command up by name. */
export function findCommand(name: string): Command | undefined {
  return commands.find((c) => c.data.name === name);
}
