/** Reading commander's raw option values into typed options, with errors that name the flag. */
import { parseCalendarDate } from '../domain/dates.js';
import { termsDays } from '../domain/fields.js';
import { UsageError } from './errors.js';

export function optionalString(opts: Record<string, unknown>, key: string): string | undefined {
  const value = opts[key];
  return typeof value === 'string' ? value : undefined;
}

export function flag(opts: Record<string, unknown>, key: string): boolean {
  return opts[key] === true;
}

export function optionalDate(opts: Record<string, unknown>, key: string, flagName: string): string | undefined {
  const value = optionalString(opts, key);
  return value === undefined ? undefined : parseCalendarDate(value, flagName);
}

/** --from and --to as dates, either may be missing, --from not after --to. */
export function optionalDateRange(opts: Record<string, unknown>): { from?: string; to?: string } {
  const from = optionalDate(opts, 'from', '--from');
  const to = optionalDate(opts, 'to', '--to');
  if (from !== undefined && to !== undefined && from > to) throw new UsageError(`--from ${from} is after --to ${to}`);
  return { ...(from !== undefined && { from }), ...(to !== undefined && { to }) };
}

export function optionalTerms(opts: Record<string, unknown>, key: string, flagName: string): number | undefined {
  const value = optionalString(opts, key);
  return value === undefined ? undefined : termsDays(value, flagName);
}

export function exclusive(opts: Record<string, unknown>, ...pairs: [string, string][]): void {
  for (const [a, b] of pairs) {
    if (opts[a] !== undefined && opts[b] !== undefined) {
      const name = (key: string) => `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
      throw new UsageError(`${name(a)} and ${name(b)} cannot be used together`);
    }
  }
}

export function singleArgument(args: readonly string[], what: string): string {
  const [first] = args;
  if (first === undefined || first.trim() === '') throw new UsageError(`missing ${what}`);
  return first;
}
