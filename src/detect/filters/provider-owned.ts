import type { Candidate, Filter } from './filter.js';
import { assignedName } from './assigned-name.js';

/**
 * Values that a provider rule owns. Provider rules know their keys' exact shapes and judge them,
 * placeholder or real; a generic finding on the same text would only repeat or second-guess them.
 * Two signs: the value starts with a prefix that one provider issues (`sk-proj-`, `AKIA`, `ghp_`,
 * `sk_test_`; case matters, as providers write them in one case), or the name is a provider's key
 * variable (`OPENAI_API_KEY`, `AWS_SECRET_ACCESS_KEY`, `GITHUB_TOKEN`, `NEXT_PUBLIC_STRIPE_KEY`).
 * A provider's other secrets (`STRIPE_WEBHOOK_SECRET`, `SLACK_SIGNING_SECRET`) have no rule of their
 * own and stay, and so do names whose provider rule knows only one narrow format (`WANDB_API_KEY`:
 * a key in another format still deserves the generic rules' look).
 */
const PROVIDER_PREFIXES = [
  ...['sk-proj-', 'sk-svcacct-', 'sk-admin-', 'sk-None-', 'sk-service-', 'sk-ant-', 'sk-or-'],
  ...['AIza', 'AQ\\.', 'hf_', 'api_org_', 'gsk_', 'xai-', 'pplx-', 'r8_', 'npm_', 'SG\\.', 'pk\\.ey'],
  ...['A(?:KIA|SIA|BIA|CCA)[A-Z0-9]', 'gh[pousr]_', 'github_pat_', 'xox[a-z]', 'xapp-', '(?:sk|rk|pk)_(?:live|test)_', 'gl(?:pat|dt|rt)-'],
  ...['tgp_v1_', 'csk-', 'pcsk_', 'lsv2_', 'sk-lf-', 'sk-helicone-', 'tvly-', 'vck_', 'sb_secret_', 'sbp_', 'nvapi-', 'bce-v3/ALTAK-', 'cf[ua]t_', 'wandb_v1_'],
  // Short prefixes count only with their provider's exact length: `pa-` or `key_` alone starts many values.
  ...['fw_[A-Za-z0-9]{24}$', 'pa-[A-Za-z0-9_-]{43}$', 'fc-[a-f0-9]{32}$', 'sk_[a-f0-9]{48}$', 'key_[a-f0-9]{128}$'],
];
const PROVIDER_PREFIX = new RegExp(`^(?:${PROVIDER_PREFIXES.join('|')})`);

const PROVIDERS = [
  ...['openai', 'anthropic', 'claude', 'gemini', 'groq', 'grok', 'openrouter', 'perplexity', 'replicate', 'mistral(?:ai)?'],
  ...['cohere', 'deepseek', 'hugging[_.-]?face(?:[_.-]?hub)?', 'github', 'gitlab', 'sendgrid', 'telegram', 'stripe', 'slack'],
  'google(?:[_.-]?generative)?(?:[_.-]?ai)?',
  ...['together(?:[_.-]?ai)?', 'fireworks', 'cerebras', 'sambanova', 'deepinfra', 'voyage', 'pinecone', 'weaviate', 'qdrant'],
  ...['langsmith', 'langchain', 'langfuse[_.-]?secret', 'helicone', 'tavily', 'firecrawl', 'elevenlabs', 'assemblyai', 'deepgram'],
  ...['stability', 'runwayml', 'ai[_.-]?gateway', 'nvidia', 'qianfan', 'zhipu(?:ai)?', 'dashscope', 'moonshot', 'supabase[_.-]?secret'],
];
/** Abbreviations that are only a provider as a whole word: `gh_token`, not `high_token`; `exa_api_key`, not `hexa_key`. */
const PROVIDER_ABBREVIATIONS = ['co', 'gh', 'hf', 'xai', 'npm', 'pplx', 'aws', 'gl', 'exa', 'fal'];
const KEY_KINDS = ['api', 'access', 'auth', 'bot', 'user', 'app', 'admin', 'service', 'account', 'personal', 'restricted', 'live', 'prod', 'hub', 'secret'];
const KEY_VARIANTS = ['id', 'value', 'prod', 'dev', 'test', 'live', '[0-9]{1,3}'];
/** Matched against the lower-cased name: a case-insensitive regex this size costs ~3 ms more to compile. */
const PROVIDER_KEY_NAME = new RegExp(
  `(?:${PROVIDERS.join('|')}|(?<![a-z0-9])(?:${PROVIDER_ABBREVIATIONS.join('|')}))` +
    `[_.-]?(?:(?:${KEY_KINDS.join('|')})[_.-]?){0,2}(?:key|token|pat)(?:[_.-]?(?:${KEY_VARIANTS.join('|')}))?$`,
);

export function isProviderOwned(candidate: Candidate): boolean {
  return PROVIDER_PREFIX.test(candidate.secret) || PROVIDER_KEY_NAME.test(assignedName(candidate).toLowerCase());
}

export const providerOwnedFilter: Filter = {
  name: 'provider-owned',
  description:
    'Drops values that a provider rule judges: values with a provider prefix (`sk-proj-`, `AKIA`, `ghp_`, `sk_test_`) and values assigned to a provider key variable (`OPENAI_API_KEY`, `GITHUB_TOKEN`).',
  appliesTo: 'generic',
  matches: isProviderOwned,
};
