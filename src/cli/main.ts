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
function buildProgram(setExitCode: (code: number) => void): Command {
  const program = new Command('keyguard')
    .description('Find leaked API keys, committed .env files and .gitignore gaps; block them before they are pushed.')
    .version(TOOL_VERSION, '-v, --version')
    .showHelpAfterError('(run keyguard --help for usage)')
    .exitOverride();

  const scanCommand = program
    .command('scan')
    .description('scan files and folders (default: the current folder), git history (--history) or staged changes (--staged)')
    .argument('[paths...]', 'files or folders to scan', []);
  for (const spec of SCAN_FLAGS) {
    const option = new Option(spec.flags, spec.description);
    if (spec.choices) option.choices(spec.choices);
    if (spec.defaultValue !== undefined && typeof spec.defaultValue === 'string') option.default(spec.defaultValue);
    scanCommand.addOption(option);
  }
  scanCommand.action(async (paths: string[], flags: ScanFlags) => {
    const { runScanCommand } = await import('./scan-command.js');
    setExitCode(await runScanCommand(paths, flags));
  });

  program
    .command('rules')
    .description('list the detection rules: id, provider, severity, description')
    .option('--format <format>', 'text or json', 'text')
    .action(async (flags: { format: string }) => {
      const { runRulesCommand } = await import('./rules-command.js');
      setExitCode(await runRulesCommand(flags.format));
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

  program.addHelpText('after', TOP_LEVEL_EXAMPLES);
  return program;
}

/** `keyguard --help` lists commands only; these lines show what `scan` is mostly run with. */
const TOP_LEVEL_EXAMPLES = `
Common scans (every option: keyguard scan --help):
  keyguard scan                                  the working tree of the current folder
  keyguard scan --history                        every commit of every ref
  keyguard scan --history --since origin/main    only what a pull request adds
  keyguard scan --staged                         what the next commit adds (pre-commit hook)
  keyguard scan --format sarif -o keyguard.sarif report as SARIF (or --format json)
  keyguard scan --fail-on high                   exit 1 only for high and critical findings`;

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

/** Runs the CLI and resolves to its exit code: 0 clean, 1 findings, 2 usage, config or internal error. */
export async function main(argv: string[]): Promise<number> {
  handleStdoutErrors();
  let exitCode = 0;
  const program = buildProgram((code) => {
    exitCode = code;
  });
  // `npx keyguard` with no command must not pass a CI step without scanning.
  if (argv.length <= 2) {
    process.stderr.write(program.helpInformation());
    return 2;
  }
  try {
    await program.parseAsync(argv);
    return exitCode;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'commander.helpDisplayed' || code === 'commander.version' || code === 'commander.help') return 0;
    if (typeof code === 'string' && code.startsWith('commander.')) return 2; // commander already printed the message
    // Error messages echo paths and revisions the user gave, which may hold escape sequences.
    process.stderr.write(`keyguard: ${printable(describeError(error))}\n`);
    return 2;
  }
}
