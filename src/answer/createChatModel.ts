import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { Config } from '../config.js';
import { DossierError } from '../errors.js';

/**
 * The configured chat model, through LangChain's universal initialisation: `CHAT_MODEL=provider:model`
 * picks any provider LangChain knows (`openai:gpt-4o-mini`, `ollama:llama3.1`, `anthropic:…`);
 * OpenAI-compatible servers (Ollama, llama.cpp, vLLM) stay reachable with `OPENAI_BASE_URL`.
 * A provider whose package is not installed is a configuration error that says what to install.
 * Retries are the client's (one); the whole question's time budget is the caller's signal.
 */
export async function createChatModel(config: Config): Promise<BaseChatModel> {
  const { provider, model } = config.chat;
  const { initChatModel, MODEL_PROVIDER_CONFIG } = await import('langchain/chat_models/universal');
  const known: Record<string, { package: string }> = MODEL_PROVIDER_CONFIG;
  const entry = known[provider];
  if (!entry) {
    throw new DossierError('CONFIG_INVALID', `CHAT_MODEL: unknown provider "${provider}". Known providers: ${Object.keys(known).join(', ')}.`);
  }
  if (provider !== 'openai') {
    try {
      await import(entry.package);
    } catch (error) {
      throw new DossierError('CONFIG_INVALID', `CHAT_MODEL=${provider}:${model} needs the package ${entry.package}. Install it with: npm install ${entry.package}`, { cause: error });
    }
  }
  const { apiKey, baseURL, timeoutMs } = config.openai;
  const fields =
    provider === 'openai'
      ? // Local OpenAI-compatible servers often need no key, but the client insists on one.
        { apiKey: apiKey ?? 'not-needed', configuration: baseURL ? { baseURL } : {}, timeout: timeoutMs }
      : {};
  return initChatModel(model, { modelProvider: provider, temperature: 0, maxRetries: 1, ...fields });
}
