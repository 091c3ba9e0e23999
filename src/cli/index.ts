#!/usr/bin/env node
// The command line: ww2-yugoslavia-casualties <command> [options]. Data goes to stdout, messages
// to stderr. Exit codes: 0 success, 1 bad usage or input, 2 unexpected failure.
import { parseArgs } from 'node:util';
import { commands } from './commands.js';
import type { Command } from './common.js';
import { failureText, isUserError } from './errors.js';
import { UsageError } from './usage.js';

const program = 'ww2-yugoslavia-casualties';

/** Whether writing the output failed (its error comes after the command may have returned). */
let outputFailed = false;

export async function main(args: string[]): Promise<number> {
  const debug = args.includes('--debug'); // anywhere: prints the stack of a failure
  const argv = args.filter((a) => a !== '--debug');
  const [name, ...rest] = argv;
  // Output that cannot be written (a full disk: list > /dev/full) is one line and exit 1, never an
  // unhandled 'error' event with a stack; a closed pipe (… | head) ends the output quietly.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') return;
    const failure = new UsageError(
      `cannot write the output (${error.message})`,
      'write it to a file on a disk with room',
    );
    process.stderr.write(failureText(`${program} ${name ?? ''}`.trim(), failure, undefined, debug));
    process.exitCode = 1;
    outputFailed = true;
  });
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(overview(rest[0]));
    return 0;
  }
  if (name === '--version') {
    process.stdout.write(`${await version()}\n`);
    return 0;
  }
  // own commands only: 'constructor' or 'toString' is no command, whatever Object.prototype has
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
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
    const hint = command ? `run '${program} ${name} --help' for usage` : undefined;
    process.stderr.write(failureText(`${program} ${name}`, error, hint, debug));
    return isUserError(error) ? 1 : 2;
  }
}

function overview(topic?: string): string {
  if (topic && Object.hasOwn(commands, topic)) return help(topic, commands[topic]!);
  const width = Math.max(...Object.keys(commands).map((n) => n.length));
  return [
    `${program}: the published casualty figures of World War II in Yugoslavia, ` +
      'as their sources give them.',
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

const code = await main(process.argv.slice(2));
process.exitCode = outputFailed ? 1 : code;
