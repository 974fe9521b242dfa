// The labelled corpus of `npm run accuracy`: every rule family's keys in every file type keyguard
// meets and behind every encoding it decodes, plus decoys (placeholders, near misses, values that
// are public by design, look-alikes), each labelled. Built from templates at run time with fixed
// seeds, so the repository holds no key-shaped literal and every run scores the same texts.
import { expandTemplate } from '../../dist/rules/template.js';

export const FAMILIES = ['OpenAI', 'Anthropic', 'Other AI', 'Cloud', 'Developer platforms', 'Private keys', 'Generic'];

/** A rule's family, from its provider. */
export function familyOf(provider) {
  if (provider === 'OpenAI' || provider === 'Anthropic' || provider === 'Generic' || provider === 'Private key') {
    return provider === 'Private key' ? 'Private keys' : provider;
  }
  if (['AWS', 'Google', 'Microsoft Azure', 'Google Cloud', 'Alibaba Cloud', 'Oracle Cloud', 'IBM Cloud', 'DigitalOcean'].includes(provider)) return 'Cloud';
  return AI_PROVIDERS.has(provider) ? 'Other AI' : 'Developer platforms';
}

const AI_PROVIDERS = new Set([
  'Alibaba Cloud Model Studio', 'AssemblyAI', 'Baidu AI Cloud', 'Cerebras', 'Cloudflare', 'Cohere', 'DeepInfra', 'DeepSeek', 'Deepgram',
  'ElevenLabs', 'Exa', 'Firecrawl', 'Fireworks AI', 'Groq', 'Helicone', 'Hugging Face', 'LangChain', 'Langfuse', 'Mistral AI', 'Moonshot AI',
  'NVIDIA', 'OpenRouter', 'Perplexity', 'Pinecone', 'Qdrant', 'Replicate', 'Runway', 'SambaNova', 'Stability AI', 'Tavily', 'Together AI',
  'Vercel', 'Voyage AI', 'Weaviate', 'Weights & Biases', 'Zhipu AI', 'fal.ai', 'xAI',
]);

const b64 = (text) => Buffer.from(text, 'utf8').toString('base64');

/**
 * The keys: a template per kind, the family it belongs to and the variable name it is usually
 * kept under (NAME as in .env; camelCase and snake_case are derived).
 */
const KEYS = [
  { kind: 'openai-project', family: 'OpenAI', name: 'OPENAI_API_KEY', template: 'sk-proj-{{urlsafe 74}}T3BlbkFJ{{urlsafe 74}}' },
  { kind: 'openai-service-account', family: 'OpenAI', name: 'OPENAI_API_KEY', template: 'sk-svcacct-{{urlsafe 58}}T3BlbkFJ{{urlsafe 58}}' },
  { kind: 'openai-legacy', family: 'OpenAI', name: 'OPENAI_KEY', template: 'sk-{{alnum 20}}T3BlbkFJ{{alnum 20}}' },
  { kind: 'anthropic', family: 'Anthropic', name: 'ANTHROPIC_API_KEY', template: 'sk-ant-api03-{{urlsafe 93}}AA' },
  { kind: 'groq', family: 'Other AI', name: 'GROQ_API_KEY', template: 'gsk_{{alnum 52}}' },
  { kind: 'xai', family: 'Other AI', name: 'XAI_API_KEY', template: 'xai-{{alnum 80}}' },
  { kind: 'perplexity', family: 'Other AI', name: 'PERPLEXITY_API_KEY', template: 'pplx-{{alnum 48}}' },
  { kind: 'replicate', family: 'Other AI', name: 'REPLICATE_API_TOKEN', template: 'r8_{{alnum 37}}' },
  { kind: 'huggingface', family: 'Other AI', name: 'HF_TOKEN', template: 'hf_{{alpha 34}}' },
  { kind: 'aws-access-key-id', family: 'Cloud', name: 'AWS_ACCESS_KEY_ID', template: 'AK{{}}IA{{base32 16}}' },
  { kind: 'aws-secret-access-key', family: 'Cloud', name: 'AWS_SECRET_ACCESS_KEY', template: '{{alnum 9}}+{{alnum 15}}/{{alnum 14}}' },
  { kind: 'google-api-key', family: 'Cloud', name: 'GEMINI_API_KEY', template: 'AI{{}}za{{urlsafe 35}}' },
  { kind: 'github-pat', family: 'Developer platforms', name: 'GITHUB_TOKEN', template: '{{checksummed ghp_}}' },
  { kind: 'gitlab-pat', family: 'Developer platforms', name: 'GITLAB_TOKEN', template: 'glpat-{{alnum 20}}' },
  { kind: 'npm-token', family: 'Developer platforms', name: 'NPM_TOKEN', template: '{{checksummed npm_}}' },
  { kind: 'slack-bot-token', family: 'Developer platforms', name: 'SLACK_BOT_TOKEN', template: 'xo{{}}xb-{{digit 12}}-{{digit 13}}-{{alnum 24}}' },
  { kind: 'stripe-secret-key', family: 'Developer platforms', name: 'STRIPE_SECRET_KEY', template: 'sk_{{}}live_{{alnum 98}}' },
  { kind: 'sendgrid', family: 'Developer platforms', name: 'SENDGRID_API_KEY', template: 'SG.{{urlsafe 22}}.{{urlsafe 43}}' },
  { kind: 'generic-api-secret', family: 'Generic', name: 'PAYMENTS_API_SECRET', template: '{{alnum 12}}{{digit 4}}{{alnum 16}}' },
  { kind: 'generic-signing-key', family: 'Generic', name: 'WEBHOOK_SIGNING_KEY', template: '{{base64 42}}==' },
  { kind: 'generic-password', family: 'Generic', name: 'DB_PASSWORD', template: '{{alpha 6}}{{digit 3}}!{{alnum 8}}' },
];

const camel = (name) => name.toLowerCase().replace(/_([a-z])/g, (_, letter) => letter.toUpperCase());
const snake = (name) => name.toLowerCase();
/** JSON the way Gson (`=`), System.Text.Json (`+`) and PHP (`/`) write it. */
const escapeJson = (value) => value.replace(/=/g, '\\u003d').replace(/\+/g, '\\u002B').replace(/\//g, '\\/');

/** Where a value assigned to a name is written: each returns { path, text, encoded? }. */
const PLAIN_CONTEXTS = {
  env: (name, value) => ({ path: '.env', text: `# app\nDEBUG=false\n${name}=${value}\n` }),
  json: (name, value) => ({ path: 'config/settings.json', text: `${JSON.stringify({ service: { url: 'https://api.example.com', [camel(name)]: value } }, null, 2)}\n` }),
  yaml: (name, value) => ({ path: 'config/app.yaml', text: `service:\n  url: https://api.example.com\n  ${snake(name)}: "${value}"\n` }),
  javascript: (name, value) => ({ path: 'src/client.js', text: `import { Client } from './client.js';\n\nconst ${camel(name)} = "${value}";\nexport const client = new Client(${camel(name)});\n` }),
  python: (name, value) => ({ path: 'app/settings.py', text: `import os\n\n${name} = '${value}'\nTIMEOUT = 30\n` }),
  go: (name, value) => ({ path: 'cmd/server/main.go', text: `package main\n\nconst ${camel(name)} = "${value}"\n\nfunc main() {}\n` }),
  java: (name, value) => ({ path: 'src/main/resources/application.properties', text: `server.port=8080\n${snake(name).replace(/_/g, '.')}=${value}\n` }),
  ruby: (name, value) => ({ path: 'config/initializers/keys.rb', text: `# frozen_string_literal: true\n${name} = "${value}"\n` }),
  minified: (name, value) => ({ path: 'dist/assets/index-4f2a9c.js', text: `!function(){"use strict";var e={baseURL:"https://api.example.com",${camel(name)}:"${value}",retries:3};window.__cfg=e}();\n` }),
  notebook: (name, value) => ({
    path: 'notebooks/demo.ipynb',
    text: `${JSON.stringify({ cells: [{ cell_type: 'code', source: ['import os\n', `os.environ["${name}"] = "${value}"\n`] }], nbformat: 4 }, null, 1)}\n`,
  }),
  plist: (name, value) => ({ path: 'ios/App/Info.plist', text: `<?xml version="1.0" encoding="UTF-8"?>\n<plist version="1.0">\n<dict>\n  <key>${name}</key>\n  <string>${value}</string>\n</dict>\n</plist>\n` }),
  dockerfile: (name, value) => ({ path: 'Dockerfile', text: `FROM node:20-slim\nWORKDIR /app\nENV ${name}=${value}\nCMD ["node", "server.js"]\n` }),
  'k8s-stringdata': (name, value) => ({ path: 'k8s/secret.yaml', text: `apiVersion: v1\nkind: Secret\nmetadata:\n  name: app\nstringData:\n  ${name}: ${value}\n` }),
};

/** The same, behind an encoding keyguard decodes; `encoded` is what the file holds instead. */
const ENCODED_CONTEXTS = {
  'json-escape': (name, value) => {
    const encoded = escapeJson(value);
    return { path: 'config/appsettings.json', text: `{\n  "Service": {\n    "${name}": "${encoded}"\n  }\n}\n`, encoded };
  },
  'url-encoding': (name, value) => {
    const encoded = encodeURIComponent(value);
    return { path: 'scripts/call.sh', text: `curl -X POST https://api.example.com/v1/session -d "user=ci&${snake(name)}=${encoded}"\n`, encoded };
  },
  'base64-k8s-secret': (name, value) => {
    const encoded = b64(value);
    return { path: 'k8s/app-secret.yaml', text: `apiVersion: v1\nkind: Secret\nmetadata:\n  name: app\ntype: Opaque\ndata:\n  ${name}: ${encoded}\n`, encoded };
  },
  'base64-dockerconfigjson': (_, value) => {
    const auth = b64(`ci:${value}`);
    const encoded = b64(JSON.stringify({ auths: { 'registry.example.com': { auth } } }));
    // Either layer may be reported: the decoded key, or the registry credentials as the config holds them.
    return { path: 'k8s/pull-secret.yaml', text: `apiVersion: v1\nkind: Secret\ntype: kubernetes.io/dockerconfigjson\ndata:\n  .dockerconfigjson: ${encoded}\n`, encoded: `${encoded} ${auth}` };
  },
  'base64-basic-auth': (_, value) => {
    const encoded = b64(`ci:${value}`);
    return { path: 'scripts/deploy.sh', text: `curl -H "Authorization: Basic ${encoded}" https://registry.example.com/v2/\n`, encoded };
  },
};

/** A PEM private key: its own contexts, since it spans lines. */
function privateKeyCases() {
  const pem = (seed, type) =>
    [`-----BEGIN ${type}PRIVATE KEY-----`, ...Array.from({ length: 12 }, (_, i) => expandTemplate('{{base64 64}}', `${seed}:${i}`)), `-----END ${type}PRIVATE KEY-----`].join('\n');
  const cases = [];
  const add = (path, context, build, type = '') => {
    const key = pem(`private-key:${context}`, type);
    const { text, encoded } = build(key);
    cases.push({ family: 'Private keys', kind: 'private-key', context, path, text, secret: key, encoded: encoded ?? null, positive: true });
  };
  add('deploy/server.key', 'pem', (key) => ({ text: `${key}\n` }), 'RSA ');
  add('config/tls.yaml', 'yaml', (key) => ({ text: `tls:\n  key: |\n${key.split('\n').map((line) => `    ${line}`).join('\n')}\n` }), 'EC ');
  add('gcp/service-account.json', 'json', (key) => ({ text: `${JSON.stringify({ type: 'service_account', private_key: `${key}\n` }, null, 2)}\n` }));
  add('keys/service.json', 'json-escape', (key) => {
    const encoded = escapeJson(JSON.stringify(`${key}\n`).slice(1, -1));
    return { text: `{"type":"service_account","private_key":"${encoded}"}\n`, encoded };
  });
  add('k8s/tls-secret.yaml', 'base64-k8s-secret', (key) => {
    const encoded = b64(`${key}\n`);
    return { text: `apiVersion: v1\nkind: Secret\ntype: kubernetes.io/tls\ndata:\n  tls.key: ${encoded}\n`, encoded };
  }, 'RSA ');
  return cases;
}

/**
 * Decoys: values that must not be reported, each labelled with the family it imitates, in one or
 * more of the plain contexts.
 */
const DECOYS = [
  // Placeholders and references.
  { family: 'OpenAI', name: 'OPENAI_API_KEY', template: 'sk-proj-{{}}xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', contexts: ['env', 'json', 'python'] },
  { family: 'OpenAI', name: 'OPENAI_API_KEY', template: '<your-openai-api-key>', contexts: ['env', 'yaml'] },
  { family: 'Anthropic', name: 'ANTHROPIC_API_KEY', template: 'sk-ant-api03-...', contexts: ['env', 'javascript'] },
  { family: 'Other AI', name: 'HF_TOKEN', template: 'hf_{{}}xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', contexts: ['env', 'notebook'] },
  { family: 'Other AI', name: 'GROQ_API_KEY', template: 'gsk_...', contexts: ['env', 'python'] },
  { family: 'Generic', name: 'API_SECRET', template: '${API_SECRET}', contexts: ['env', 'yaml', 'dockerfile'] },
  { family: 'Generic', name: 'DB_PASSWORD', template: 'your-password-here', contexts: ['env', 'java', 'k8s-stringdata'] },
  { family: 'Generic', name: 'API_KEY', template: 'YOUR_API_KEY_HERE', contexts: ['javascript', 'ruby', 'plist'] },
  // Near misses: the wrong marker, too short, a bad checksum, the wrong case.
  { family: 'OpenAI', name: 'OPENAI_API_KEY', template: 'sk-proj-{{urlsafe 74}}T3BlbkFj{{urlsafe 74}}', contexts: ['env', 'json'] },
  { family: 'OpenAI', name: 'OPENAI_API_KEY', template: 'sk-proj-{{alnum 12}}', contexts: ['env'] },
  { family: 'Anthropic', name: 'ANTHROPIC_API_KEY', template: 'sk-ant-api03-{{urlsafe 20}}', contexts: ['env', 'python'] },
  { family: 'Developer platforms', name: 'GITHUB_TOKEN', template: 'gh{{}}p_{{alnum 36}}', contexts: ['env', 'yaml'] },
  { family: 'Cloud', name: 'AWS_ACCESS_KEY_ID', template: 'AK{{}}IA{{lower 16}}', contexts: ['env'] },
  // Public by design.
  { family: 'Developer platforms', name: 'STRIPE_PUBLISHABLE_KEY', template: 'pk_{{}}live_{{alnum 99}}', contexts: ['env', 'minified', 'javascript'] },
  { family: 'Cloud', name: 'FIREBASE_CONFIG', template: 'AI{{}}za{{urlsafe 35}}', contexts: ['firebase'] },
  { family: 'Generic', name: 'SENTRY_DSN', template: 'https://{{hex 32}}@o{{digit 6}}.ingest.sentry.io/{{digit 7}}', contexts: ['env', 'javascript'] },
  { family: 'Generic', name: 'INTEGRITY', template: 'sha384-{{base64 64}}', contexts: ['sri'] },
  { family: 'Generic', name: 'PUBLIC_KEY_TOKEN', template: '{{hex 16}}', contexts: ['dotnet'] },
  // Look-alikes: identifiers, hashes, base64 of words, public keys.
  { family: 'Generic', name: 'TOKEN_TYPE', template: '{{alnum 32}}', contexts: ['json', 'python'] },
  { family: 'Generic', name: 'REQUEST_ID', template: '{{hex 8}}-{{hex 4}}-4{{hex 3}}-a{{hex 3}}-{{hex 12}}', contexts: ['json', 'env'] },
  { family: 'Generic', name: 'GIT_COMMIT_SHA', template: '{{hex 40}}', contexts: ['env', 'dockerfile', 'yaml'] },
  { family: 'Generic', name: 'CHECKSUM_SHA256', template: '{{hex 64}}', contexts: ['json', 'go'] },
  { family: 'Generic', name: 'MAX_TOKENS', template: '4096', contexts: ['env', 'python'] },
  { family: 'Generic', name: 'WELCOME_MESSAGE', template: b64('hello world, welcome to the app'), contexts: ['base64-k8s-secret', 'env'] },
  { family: 'Private keys', name: 'PUBLIC_KEY', template: 'public-pem', contexts: ['pem'] },
];

const DECOY_CONTEXTS = {
  firebase: (_, value) => ({ path: 'web/src/firebase.js', text: `const firebaseConfig = {\n  apiKey: "${value}",\n  authDomain: "demo-app.firebaseapp.com",\n  projectId: "demo-app",\n};\n` }),
  sri: (_, value) => ({ path: 'public/index.html', text: `<script src="https://cdn.example.com/lib.min.js" integrity="${value}" crossorigin="anonymous"></script>\n` }),
  dotnet: (_, value) => ({ path: 'web.config', text: `<add assembly="System.Web.Mvc, Version=5.2.3.0, Culture=neutral, PublicKeyToken=${value}" />\n` }),
  'base64-k8s-secret': (name, value) => ({ path: 'k8s/app-secret.yaml', text: `apiVersion: v1\nkind: Secret\ndata:\n  ${name}: ${value}\n` }),
  pem: (_, value, seed) => ({
    path: 'keys/server.pub',
    text: `-----BEGIN PUBLIC KEY-----\n${Array.from({ length: 6 }, (_, i) => expandTemplate('{{base64 64}}', `${seed}:${i}`)).join('\n')}\n-----END PUBLIC KEY-----\n`,
  }),
};

/** Every labelled case: { family, kind, context, path, text, secret, encoded, positive }. */
export function buildCorpus() {
  const cases = [];
  for (const key of KEYS) {
    for (const [context, build] of Object.entries({ ...PLAIN_CONTEXTS, ...ENCODED_CONTEXTS })) {
      const secret = expandTemplate(key.template, `${key.kind}:${context}`);
      const { path, text, encoded } = build(key.name, secret);
      cases.push({ family: key.family, kind: key.kind, context, path, text, secret, encoded: encoded ?? null, positive: true });
    }
  }
  cases.push(...privateKeyCases());
  DECOYS.forEach((decoy, index) => {
    for (const context of decoy.contexts) {
      const seed = `decoy:${index}:${context}`;
      const value = expandTemplate(decoy.template, seed);
      const build = DECOY_CONTEXTS[context] ?? PLAIN_CONTEXTS[context];
      const { path, text } = build(decoy.name, value, seed);
      cases.push({ family: decoy.family, kind: `decoy:${decoy.name.toLowerCase()}`, context, path, text, secret: null, encoded: null, positive: false });
    }
  });
  return cases;
}
