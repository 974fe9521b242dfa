import { describe, expect, it } from 'vitest';
import { isTemplateOrReference, templateFilter } from '../../../src/detect/filters/template.js';
import { randomKeys } from '../random-keys.js';
import { genericCandidate } from './candidates.js';

describe('template filter', () => {
  it('applies to generic rules only', () => {
    expect(templateFilter.appliesTo).toBe('generic');
  });

  describe('drops template placeholders', () => {
    it.each([
      ['.env', 'OPENAI_API_KEY=${OPENAI_KEY}', '${OPENAI_KEY}'],
      ['.env', 'OPENAI_API_KEY=${OPENAI_KEY}', 'OPENAI_KEY'],
      ['compose.yaml', '      - API_KEY=${API_KEY:-changeit}', '${API_KEY:-changeit}'],
      ['ci.yml', '      OPENAI_API_KEY: ${{ secrets.OPENAI_API_KEY }}', 'secrets.OPENAI_API_KEY'],
      ['ci.yml', '      OPENAI_API_KEY: ${{ secrets.OPENAI_API_KEY }}', '${{'],
      ['values.yaml', 'apiKey: {{ .Values.apiKey }}', '{{ .Values.apiKey }}'],
      ['playbook.yml', 'api_token: "{{ vault_api_token }}"', 'vault_api_token'],
      ['settings.ini', 'password = %(db_password)s', '%(db_password)s'],
      ['run.bat', 'set API_KEY=%OPENAI_API_KEY%', 'OPENAI_API_KEY'],
      ['run.bat', 'set API_KEY=%OPENAI_API_KEY%', '%OPENAI_API_KEY%'],
      ['deploy.sh', 'export API_TOKEN=$CI_JOB_TOKEN', '$CI_JOB_TOKEN'],
      ['deploy.sh', 'export API_TOKEN=$CI_JOB_TOKEN', 'CI_JOB_TOKEN'],
      ['deploy.ps1', '$apiKey = $env:OPENAI_API_KEY', 'OPENAI_API_KEY'],
      ['azure-pipelines.yml', '  apiKey: $(openaiApiKey)', 'openaiApiKey'],
      ['app.rb', 'api_key = "#{ENV_KEY}"', '#{ENV_KEY}'],
      ['view.erb', 'token: <%= api_token %>', 'api_token'],
      ['app.py', 'api_key = f"{api_key}"', '{api_key}'],
      ['pom.xml', '<apiKey>${env.API_KEY}</apiKey>', '${env.API_KEY}'],
      ['config.yml', 'api_key: *default_api_key_2', '*default_api_key_2'],
      ['client.rb', 'token = @api_token', '@api_token'],
    ])('%s: %s (captured %s)', (path, line, secret) => {
      expect(isTemplateOrReference(genericCandidate(line, secret, path))).toBe(true);
    });
  });

  describe('drops environment and secret-store lookups', () => {
    it.each([
      ['app.js', 'const apiKey = process.env.OPENAI_API_KEY;', 'process.env.OPENAI_API_KEY'],
      ['app.js', 'const apiKey = process.env.OPENAI_API_KEY;', 'OPENAI_API_KEY'],
      ['app.js', 'const apiKey = process.env["OPENAI_API_KEY"];', 'OPENAI_API_KEY'],
      ['app.ts', 'apiKey: import.meta.env.VITE_OPENAI_KEY,', 'VITE_OPENAI_KEY'],
      ['worker.ts', 'const token = env.API_TOKEN;', 'API_TOKEN'],
      ['config.py', 'API_KEY = os.getenv("OPENAI_API_KEY")', 'OPENAI_API_KEY'],
      ['config.py', 'API_KEY = os.getenv("OPENAI_API_KEY")', 'os.getenv('],
      ['config.py', 'API_KEY = os.environ["OPENAI_API_KEY"]', 'OPENAI_API_KEY'],
      ['config.py', "api_key = os.environ.get('OPENAI_API_KEY')", 'OPENAI_API_KEY'],
      ['app.rb', "api_key = ENV['OPENAI_API_KEY']", 'OPENAI_API_KEY'],
      ['app.rb', "api_key = ENV.fetch('OPENAI_API_KEY')", 'OPENAI_API_KEY'],
      ['Main.java', 'String apiKey = System.getenv("API_KEY");', 'API_KEY'],
      ['Program.cs', 'var apiKey = Environment.GetEnvironmentVariable("OPENAI_API_KEY");', 'OPENAI_API_KEY'],
      ['main.go', 'apiKey := os.Getenv("OPENAI_API_KEY")', 'OPENAI_API_KEY'],
      ['main.rs', 'let api_key = env::var("OPENAI_API_KEY")?;', 'OPENAI_API_KEY'],
      ['index.php', "$apiKey = getenv('OPENAI_API_KEY');", 'OPENAI_API_KEY'],
      ['index.php', "$apiKey = $_ENV['OPENAI_API_KEY'];", 'OPENAI_API_KEY'],
      ['config.php', "'key' => env('APP_KEY'),", 'APP_KEY'],
      ['site.yml', "api_key: \"{{ lookup('env', 'API_KEY') }}\"", 'API_KEY'],
      ['template.yaml', 'DbPassword: !Ref DatabasePassword', 'DatabasePassword'],
      ['main.tf', '  access_key = var.aws_access_key', 'aws_access_key'],
      ['main.tf', '  access_key = var.aws_access_key', 'var.aws_access_key'],
      ['main.tf', '  api_key = data.aws_ssm_parameter.openai.value', 'data.aws_ssm_parameter.openai.value'],
      ['main.tf', '  api_key = module.secrets.openai_key', 'secrets.openai_key'],
      ['config.json', '  "api_key": "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/openai",', 'arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/openai'],
      ['rds.d.ts', ' * Example: arn:aws:secretsmanager:region:account-number:secret:myselfmanagedADtestsecret-123456', 'myselfmanagedADtestsecret-123456'],
    ])('%s: %s (captured %s)', (path, line, secret) => {
      expect(isTemplateOrReference(genericCandidate(line, secret, path))).toBe(true);
    });
  });

  // A bare callee (`getAuthToken` without its parentheses) is left to the made-of-words filter.
  describe('drops calls and index expressions', () => {
    it.each([
      ['app.js', 'const token = getAuthToken();', 'getAuthToken();'],
      ['app.js', 'const apiKey = config["openai_key"];', 'openai_key'],
      ['app.js', 'const apiKey = config["openai_key"];', 'config["openai_key"]'],
      ['app.js', 'const key = crypto.randomBytes(32).toString("hex")', 'crypto.randomBytes(32).toString('],
      ['app.py', 'api_key = get_secret("openai")', 'get_secret('],
      ['app.py', 'api_key = secrets_client.get("openai")', 'openai'],
      ['app.ts', '  apiKey: config.get<string>("openai.apiKey"),', 'config.get<string>('],
      ['app.go', 'apiKey := viper.GetString("openai.api_key")', 'viper.GetString('],
    ])('%s: %s (captured %s)', (path, line, secret) => {
      expect(isTemplateOrReference(genericCandidate(line, secret, path))).toBe(true);
    });
  });

  describe('keeps literal keys', () => {
    const [key] = randomKeys('base62', 40, 1);
    it.each([
      ['config.py', `API_KEY = "${key}"`],
      ['.env', `OPENAI_API_KEY=${key}`],
      ['config.yaml', `api_key: ${key}`],
      ['config.json', `  "api_key": "${key}",`],
      // A literal fallback after a lookup is still a literal.
      ['app.js', `const apiKey = process.env.OPENAI_API_KEY || "${key}";`],
      ['config.py', `api_key = os.environ.get("OPENAI_API_KEY", "${key}")`],
      ['config.py', `client = OpenAI(api_key="${key}")`],
      ['app.js', `const client = new Client("${key}");`],
      ['app.js', `headers["Authorization"] = "Bearer ${key}";`],
      ['README.md', `Your token: ${key} (expires in 30 days)`],
      ['notes.md', `api key ${key}[1]`],
      ['notes.md', `api key ${key}(1)`],
      ['app.js', `const keys = ["${key}"];`],
      ['config.toml', `api_keys = ["${key}"]`],
    ])('%s: %s', (path, line) => {
      expect(isTemplateOrReference(genericCandidate(line, key!, path))).toBe(false);
    });

    it('keeps random keys of every alphabet', () => {
      const keys = [...randomKeys('base64', 44, 500), ...randomKeys('base64url', 43, 500), ...randomKeys('hex', 64, 500)];
      const dropped = keys.filter((candidateKey) => isTemplateOrReference(genericCandidate(`token = '${candidateKey}'`, candidateKey)));
      expect(dropped).toEqual([]);
    });
  });
});
