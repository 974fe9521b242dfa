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
  // Developer and cloud services (rules/azure.yaml, hosting.yaml, devops.yaml, saas.yaml ...).
  ...['pypi-AgE', 'xkeysib-', 'xsmtpsib-', 'NRAK-', 'NRII-', 'sntry[us]_', 'shp(?:at|ca|pa|ss)_', 'sq0(?:atp|csp)-', 'access_token\\$production\\$'],
  ...['lin_api_', 'ntn_[0-9]', 'ATATT3', 'figd_', 'PMAK-', 'hv[sb]\\.', 'dp\\.(?:pt|st|sa|ct|scim|audit)\\.', 'HRKU-AA', 'do[por]_v1_', 'fo1_', 'fm(?:1[ar]|2)_', 'nfp_'],
  ...['v1\\.0-[a-f0-9]{24}-', 'dapi[a-f0-9]{32}', 'mdb_sa_sk_', 'pscale_(?:tkn|oauth|pw)_', 'tskey-', 'dckr_pat_', 'glsa_', 'glc_', 'eyJrIjoi', 'pul-[a-f0-9]{40}', 'ops_eyJ'],
  ...['AGE-SECRET-KEY-1', 'gl(?:ptt|ft|soat|ffct|imt|agent|oas|cbt)-', 'GR1348941', 'LTAI', 'AKID', 'AQVN', 'pat-(?:na|eu)1-', 'shippo_(?:live|test)_', 'CFPAT-', 'p8e-'],
  ...['fio-u-', 'rdme_', 'EZ[AT]K', 'duffel_(?:live|test)_', 'FLWSECK', 'rubygems_', 'CLOJARS_', 'AKCp', 'cmVmd', 'dt0c01\\.', 'tk-us-', 'pnu_', 'ico-', 'sha256~', 'sgp_', 'sq[upa]_[a-f0-9]{40}'],
  ...['access-(?:production|development)-[a-f0-9]{8}-', 'dnkey-', 'sm_[pas]at_', 's-s4t2(?:ud|af)-', 'sk\\.eyJ1', 'A{22}[A-Za-z0-9%]{20}', 'ABSK[A-Za-z0-9+/]{100}'],
  // Whole values whose shape names the provider: a key- Mailgun key, a Mailchimp key with its datacenter, a Twilio key SID, an Entra ID client secret.
  ...['key-[a-z0-9]{32}$', '[a-f0-9]{32}-us[0-9]{1,2}$', 'SK[a-f0-9]{32}$', '[A-Za-z0-9_~.]{3}[0-9]Q~', 'EAA[A-Za-z0-9]{60,}$'],
];
const PROVIDER_PREFIX = new RegExp(`^(?:${PROVIDER_PREFIXES.join('|')})`);

const PROVIDERS = [
  ...['openai', 'anthropic', 'claude', 'gemini', 'groq', 'grok', 'openrouter', 'perplexity', 'replicate', 'mistral(?:ai)?'],
  ...['cohere', 'deepseek', 'hugging[_.-]?face(?:[_.-]?hub)?', 'github', 'gitlab', 'sendgrid', 'telegram', 'stripe', 'slack'],
  'google(?:[_.-]?generative)?(?:[_.-]?ai)?',
  ...['together(?:[_.-]?ai)?', 'fireworks', 'cerebras', 'sambanova', 'deepinfra', 'voyage', 'pinecone', 'weaviate', 'qdrant'],
  ...['langsmith', 'langchain', 'langfuse[_.-]?secret', 'helicone', 'tavily', 'firecrawl', 'elevenlabs', 'assemblyai', 'deepgram'],
  ...['stability', 'runwayml', 'ai[_.-]?gateway', 'nvidia', 'qianfan', 'zhipu(?:ai)?', 'dashscope', 'moonshot', 'supabase[_.-]?secret'],
  // Developer and cloud services whose rules judge every format they issue, prefixed or (next to the
  // provider's name) unprefixed. Not those with older unprefixed formats no rule covers (Shopify,
  // DigitalOcean, Docker Hub, Sonar ...): generic rules still catch those.
  ...['twilio', 'mailgun', 'mailchimp', 'postmark', 'brevo', 'sendinblue', 'datadog', 'sentry', 'paypal', 'discord', 'linear', 'notion'],
  ...['atlassian', 'jira', 'confluence', 'postman', 'vault', 'terraform(?:[_.-]?cloud)?', 'heroku', 'netlify', 'vercel', 'cloudflare'],
  ...['databricks', 'planetscale', 'pscale', 'tailscale', 'grafana(?:[_.-]?cloud)?', 'pulumi', 'alibaba(?:[_.-]?cloud)?', 'aliyun'],
  ...['tencent(?:[_.-]?cloud)?', 'yandex(?:[_.-]?cloud)?', 'okta', 'shippo', 'launchdarkly', 'snyk', 'doppler'],
];
/** Abbreviations that are only a provider as a whole word: `gh_token`, not `high_token`; `exa_api_key`, not `hexa_key`. */
const PROVIDER_ABBREVIATIONS = ['co', 'gh', 'hf', 'xai', 'npm', 'pplx', 'aws', 'gl', 'exa', 'fal', 'dd', 'cf', 'tf', 'ts', 'op'];
const KEY_KINDS = ['api', 'access', 'auth', 'bot', 'user', 'app', 'admin', 'service', 'account', 'personal', 'restricted', 'live', 'prod', 'hub', 'secret', 'server', 'client', 'sdk'];
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
