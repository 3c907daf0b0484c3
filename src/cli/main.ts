#!/usr/bin/env node
import 'dotenv/config';
import { processIo } from './CliIo.js';
import { runCli } from './runCli.js';

/**
 * The launcher every terminal command goes through (`node scripts/run.mjs src/cli/main.ts <command>`):
 * the process's arguments, environment (after `.env`) and streams, and its exit code.
 */
runCli(process.argv.slice(2), processIo()).then((code) => {
  process.exitCode = code;
});
