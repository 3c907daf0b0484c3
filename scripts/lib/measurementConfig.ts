import { loadConfig, type Config } from '../../src/config.js';

/**
 * Builds a config for a measurement run. Paths are overridden explicitly so a run never touches the
 * user's own index; logging is silenced unless the caller's env asks for it. In a module of its own
 * so the start-up measurement loads what a real start loads (the config), not the naive baseline.
 */
export function measurementConfig(root: string, overrides: Record<string, string | undefined>): Config {
  return loadConfig({ LOG_LEVEL: 'silent', ...process.env, ...overrides }, root);
}
