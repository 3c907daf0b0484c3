import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';

/** Writes and fsyncs a file so a later rename/CURRENT switch never exposes half-written data. */
export async function writeFileDurable(file: string, data: string | Uint8Array): Promise<void> {
  const fh = await open(file, 'w');
  try {
    await fh.writeFile(data);
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/**
 * Replaces `file` so readers only ever see the old or the complete new content, even with concurrent
 * writers: the data goes to a uniquely named temporary file beside it (removed on failure), is
 * fsynced, and is renamed over `file`.
 */
export async function writeAtomically(file: string, data: string | Uint8Array): Promise<void> {
  const tmp = `${file}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    await writeFileDurable(tmp, data);
    await rename(tmp, file);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}
