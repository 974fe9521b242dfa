import { Command, Option } from 'commander';
import { TOOL_VERSION } from '../version.js';
import { SCAN_FLAGS } from './scan-flags.js';
import { describeError } from './errors.js';
import { printable } from '../report/printable.js';
import type { ScanFlags } from './scan-command.js';

/**
 * Builds the command line. Command actions import their modules lazily, so `scan --staged` in a
 * pre-commit hook loads only what a staged scan needs.
 */
function buildProgram(setExitCode: (code: number) => void, errorOutput: string[]): Command {
  const program = new Command('keyguard')
    .description('Find leaked API keys, committed .env files and .gitignore gaps; block them before they are pushed.')
    .version(TOOL_VERSION, '-v, --version')
    .showHelpAfterError('(run keyguard --help for usage)')
    // Usage errors quote the argument ("argument 'X' is invalid"): held back to be redacted (see main).
    .configureOutput({ outputError: (text) => errorOutput.push(text), writeErr: (text) => errorOutput.push(text) })
    .exitOverride();

  const scanCommand = program
    .command('scan')
    .description('scan files and folders (default: the current folder), git history (--history) or staged changes (--staged)')
    .argument('[paths...]', 'files, folders or quoted globs to scan, or - for standard input; named paths are scanned even if .gitignore hides them', []);
  for (const spec of SCAN_FLAGS) {
    const option = new Option(spec.flags, spec.description);
    if (spec.choices) option.choices(spec.choices);
    if (spec.defaultValue !== undefined && typeof spec.defaultValue === 'string') option.default(spec.defaultValue);
    scanCommand.addOption(option);
  }
  scanCommand.addHelpText('after', SCAN_EXIT_CODES);
  scanCommand.action(async (paths: string[], flags: ScanFlags, command: Command) => {
    const { runScanCommand } = await import('./scan-command.js');
    setExitCode(await runScanCommand(paths, flags, (key) => command.getOptionValueSource(key) === 'cli'));
  });

  const rulesCommand = program
    .command('rules')
    .description('list the rules (built-in, hygiene and the config\'s custom rules): id, provider, severity, description')
    .option('--format <format>', 'text or json', 'text')
    .option('--config <file>', 'the config file (default: the one found in the current folder or the repository root)')
    .action(async (flags: { format: string; config?: string }) => {
      const { runRulesCommand } = await import('./rules-command.js');
      setExitCode(await runRulesCommand(flags.format, flags.config));
    });
  rulesCommand
    .command('check')
    .description("validate the config file and run its custom rules' examples both ways (exit 1 names each one that fails)")
    .option('--config <file>', 'the config file (default: the one found in the current folder or the repository root)')
    .action(async (_flags: unknown, command: Command) => {
      const { runRulesCheckCommand } = await import('./rules-check-command.js');
      // `--config` belongs to `rules` too, which takes it wherever it appears.
      setExitCode(await runRulesCheckCommand((command.optsWithGlobals() as { config?: string }).config));
    });

  program
    .command('baseline')
    .description('accept the current findings: write .keyguard-baseline.json, so `scan --baseline` reports only new ones')
    .argument('[paths...]', 'files or folders to scan', [])
    .option('--history', 'accept the findings of every commit of every ref (for `scan --history --baseline`)')
    .option('-o, --output <file>', 'the baseline file (default: .keyguard-baseline.json in the scanned folder)')
    .option('--prune', 'remove the entries of the existing baseline that match nothing any more; add none')
    .option('--config <file>', 'the config file (default: the one found in the scanned folder or the repository root)')
    .action(async (paths: string[], flags: { history?: boolean; output?: string; prune?: boolean; config?: string }) => {
      const { runBaselineCommand } = await import('./baseline-command.js');
      setExitCode(await runBaselineCommand(paths, flags));
    });

  program
    .command('init')
    .description('install the pre-commit hook that runs `keyguard scan --staged` (husky, or a plain git hook)')
    .argument('[path]', 'the project folder', '.')
    .option('--force', 'replace an existing pre-commit hook that is not keyguard\'s (it is backed up first)')
    .action(async (path: string, flags: { force?: boolean }) => {
      const { runInitCommand } = await import('./init-command.js');
      setExitCode(await runInitCommand(path, flags.force === true));
    });

  program
    .command('fix')
    .description('add the missing .gitignore entries for env files and untrack committed ones (git rm --cached; files stay on disk); never edits code')
    .argument('[path]', 'the project folder', '.')
    .option('--dry-run', 'show what would change and change nothing')
    .action(async (path: string, flags: { dryRun?: boolean }) => {
      const { runFixCommand } = await import('./fix-command.js');
      setExitCode(await runFixCommand(path, flags.dryRun === true));
    });

  program.addHelpText('after', TOP_LEVEL_EXAMPLES);
  return program;
}

const SCAN_EXIT_CODES = `
Exit codes:
  0  nothing at or above --fail-on was found
  1  something at or above --fail-on was found
  2  usage, configuration or internal error, or nothing could be scanned
  3  incomplete: some input could not be read (unreadable path, missing git object), no finding reaches --fail-on`;

/** `keyguard --help` lists commands only; these lines show what `scan` is mostly run with. */
const TOP_LEVEL_EXAMPLES = `
Common scans (every option: keyguard scan --help):
  keyguard scan                                  the working tree of the current folder
  keyguard scan --history                        every commit of every ref
  keyguard scan --history --since origin/main    only what a pull request adds
  keyguard scan --staged                         what the next commit adds (pre-commit hook)
  keyguard scan --pack                           the files npm publish would upload
  keyguard scan --format sarif -o keyguard.sarif report as SARIF (or --format json)
  keyguard scan --fail-on high                   exit 1 only for high and critical findings
  keyguard baseline                              accept today's findings: write .keyguard-baseline.json
  keyguard scan --baseline FILE                  then report only findings not in it
Settings and custom rules: keyguard.config.json (README, "Configuration"); keyguard rules check tests them.`;

/**
 * A reader that stops early (`keyguard scan | head`) closes the pipe. That ends the output, not
 * the run: without this, the failed write would crash the process with a stack trace and exit
 * code 1, which means "findings" here. Any other write error (a full disk: `> /dev/full`) means the
 * report is lost: one line on stderr and exit 2, never a claim of a clean scan.
 */
function handleStdoutErrors(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') return;
    process.stderr.write(`keyguard: cannot write to stdout: ${error.code ?? error.message}\n`);
    process.exit(2);
  });
}

/** Runs the CLI and resolves to its exit code: 0 clean, 1 findings, 2 usage, config or internal error, 3 incomplete scan. */
export async function main(argv: string[]): Promise<number> {
  handleStdoutErrors();
  let exitCode = 0;
  const errorOutput: string[] = [];
  const program = buildProgram((code) => {
    exitCode = code;
  }, errorOutput);
  // `npx keyguard` with no command must not pass a CI step without scanning.
  if (argv.length <= 2) {
    process.stderr.write(program.helpInformation());
    return 2;
  }
  try {
    await program.parseAsync(argv);
    return exitCode;
  } catch (error) {
    const { code, exitCode: commanderExitCode } = error as { code?: string; exitCode?: number };
    if (code === 'commander.helpDisplayed' || code === 'commander.version') return 0;
    // `keyguard help NAME` with an unknown NAME writes the help to stderr and fails: a usage error below.
    if (code === 'commander.help' && commanderExitCode === 0) return 0;
    // Error messages echo paths, revisions, arguments and sometimes file content: a key among them
    // is redacted (never a second leak), an escape sequence shown as \u001b.
    const { redactKeysIn } = await import('../detect/redact-text.js');
    if (typeof code === 'string' && code.startsWith('commander.')) {
      const redacted = await redactKeysIn(errorOutput.join(''));
      process.stderr.write(redacted.split('\n').map(printable).join('\n'));
      return 2;
    }
    process.stderr.write(`keyguard: ${printable(await redactKeysIn(describeError(error)))}\n`);
    return 2;
  }
}
