#!/usr/bin/env node
// The command line: ww2-yugoslavia-casualties <command> [options]. Data goes to stdout, messages
// to stderr. Exit codes: 0 success, 1 bad usage or input, 2 unexpected failure.
import { parseArgs } from 'node:util';
import { CasualtiesError } from '../errors.js';
import { commands, type Command } from './commands.js';
import { UsageError } from './usage.js';

const program = 'ww2-yugoslavia-casualties';

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(overview(rest[0]));
    return 0;
  }
  if (name === '--version') {
    process.stdout.write(`${await version()}\n`);
    return 0;
  }
  const command = commands[name];
  try {
    if (!command)
      throw new UsageError(`unknown command '${name}'`, `run '${program} --help' for the commands`);
    const { values, positionals } = parseArgs({
      args: rest,
      options: { help: { type: 'boolean', short: 'h' }, ...command.options },
      allowPositionals: true,
      strict: true,
    });
    if (values.help) {
      process.stdout.write(help(name, command));
      return 0;
    }
    await command.run(positionals, values);
    return 0;
  } catch (error) {
    if (
      error instanceof UsageError ||
      error instanceof CasualtiesError ||
      isParseArgsError(error)
    ) {
      const hint =
        error instanceof UsageError && error.hint
          ? `\n${error.hint}`
          : command
            ? `\nrun '${program} ${name} --help' for usage`
            : '';
      process.stderr.write(`${program} ${name}: ${(error as Error).message}${hint}\n`);
      return 1;
    }
    process.stderr.write(
      `${program} ${name}: unexpected failure: ${(error as Error | undefined)?.stack ?? String(error)}\n`,
    );
    return 2;
  }
}

function isParseArgsError(error: unknown): boolean {
  return (
    typeof (error as { code?: unknown })?.code === 'string' &&
    (error as { code: string }).code.startsWith('ERR_PARSE_ARGS')
  );
}

function overview(topic?: string): string {
  if (topic && commands[topic]) return help(topic, commands[topic]);
  const width = Math.max(...Object.keys(commands).map((n) => n.length));
  return [
    `${program}: the published casualty figures of World War II in Yugoslavia, as their sources give them.`,
    '',
    `Usage: ${program} <command> [options]`,
    '',
    'Commands:',
    ...Object.entries(commands).map(([n, c]) => `  ${n.padEnd(width)}  ${c.summary}`),
    '',
    `Run '${program} <command> --help' for a command's options and examples.`,
    '',
  ].join('\n');
}

function help(name: string, command: Command): string {
  return (
    [
      `Usage: ${program} ${name} ${command.usage}`,
      '',
      command.summary,
      '',
      command.help.trim(),
      '',
    ].join('\n') + '\n'
  );
}

async function version(): Promise<string> {
  const { createRequire } = await import('node:module');
  return (createRequire(import.meta.url)('../package.json') as { version: string }).version;
}

process.exitCode = await main(process.argv.slice(2));
