/**
 * Where mail goes: .eml files in an outbox/ folder beside the store when asked (--eml, or the setting
 * mail.transport file); else the SMTP server of SMALLPAY_SMTP_URL, else of the smtp.* settings; else
 * nowhere, which is an error: a cron job that lost its server must not "send" files and mark invoices sent.
 * Secrets never leave this module in a form that prints: `display` has no password, and `secrets` lets
 * error messages be scrubbed.
 */
import { invalid, refused } from '../domain/errors.js';
import type { Business } from '../domain/types.js';

export interface SmtpTarget {
  host: string;
  port: number;
  secure: boolean;
  user?: string;
  password?: string;
  tlsRejectUnauthorized: boolean;
  /** A login over smtp:// must upgrade with STARTTLS first (true unless the user opted out). */
  requireTLS: boolean;
}

export type MailRoute =
  | { kind: 'smtp'; target: SmtpTarget; display: string; secrets: string[] }
  | { kind: 'file' };

type Env = Readonly<Record<string, string | undefined>>;

export const NO_SMTP_SERVER = 'no SMTP server configured (SMALLPAY_SMTP_URL or smtp.host); use --eml to write .eml files';

/** A store file and its permission bits (undefined: the file does not exist). */
export interface StoreFileMode {
  path: string;
  mode: number | undefined;
}

/**
 * Refuses while any of the files can be read by group or others: a password kept in the store is used, and
 * stored, only when no one but its owner can read it (mode 0600), as ssh does with its keys.
 * @param consequence what is refused, e.g. "so its password is not used"
 */
export function assertOwnerOnly(files: readonly StoreFileMode[], consequence: string): void {
  for (const { path, mode } of files) {
    if (mode === undefined || (mode & 0o077) === 0) continue;
    throw refused(
      `smtp.password: ${path} can be read by others (mode ${(mode & 0o777).toString(8).padStart(4, '0')}), ${consequence}`,
      `chmod 600 '${path}', or pass the password in SMALLPAY_SMTP_PASSWORD`,
    );
  }
}

/** A `%` escape of the URL decoded; a malformed one is refused without echoing what it hides. */
function decoded(text: string, part: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw invalid(`SMALLPAY_SMTP_URL: the ${part} has a malformed % escape (write a % itself as %25)`);
  }
}

const URL_PARAMETERS = new Set(['requireTLS']);

function yesNoParameter(value: string): boolean {
  if (['true', 'yes', '1', 'on'].includes(value.toLowerCase())) return true;
  if (['false', 'no', '0', 'off'].includes(value.toLowerCase())) return false;
  throw invalid(`SMALLPAY_SMTP_URL: requireTLS=${value} is not true or false`);
}

function fromUrl(text: string, env: Env, business: Business): SmtpTarget {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw invalid('SMALLPAY_SMTP_URL: not a URL (write it as smtp://user:password@host:587 or smtps://…)');
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') throw invalid(`SMALLPAY_SMTP_URL: must start with smtp:// or smtps://, not ${url.protocol}//`);
  if (url.hostname === '') throw invalid('SMALLPAY_SMTP_URL: has no host');
  for (const name of url.searchParams.keys()) {
    if (!URL_PARAMETERS.has(name)) throw invalid(`SMALLPAY_SMTP_URL: unknown parameter '${name.slice(0, 40)}' (known: ${[...URL_PARAMETERS].join(', ')})`);
  }
  const requireTLS = url.searchParams.get('requireTLS');
  const secure = url.protocol === 'smtps:';
  const user = decoded(url.username, 'user name');
  const password = url.password ? decoded(url.password, 'password') : env.SMALLPAY_SMTP_PASSWORD;
  return {
    host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    ...(user !== '' && { user }),
    ...(password !== undefined && password !== '' && { password }),
    tlsRejectUnauthorized: business.smtp?.tlsRejectUnauthorized ?? true,
    requireTLS: requireTLS === null ? (business.smtp?.requireTLS ?? true) : yesNoParameter(requireTLS),
  };
}

function fromSettings(env: Env, business: Business, store: StoreFileMode): SmtpTarget {
  const smtp = business.smtp ?? {};
  const secure = smtp.secure ?? false;
  let password = env.SMALLPAY_SMTP_PASSWORD || undefined;
  if (password === undefined && smtp.password !== undefined) {
    assertOwnerOnly([{ path: store.path, mode: store.mode ?? 0o600 }], 'so its password is not used');
    password = smtp.password;
  }
  return {
    host: smtp.host as string,
    port: smtp.port ?? (secure ? 465 : 587),
    secure,
    ...(smtp.user !== undefined && { user: smtp.user }),
    ...(password !== undefined && { password }),
    tlsRejectUnauthorized: smtp.tlsRejectUnauthorized ?? true,
    requireTLS: smtp.requireTLS ?? true,
  };
}

/**
 * @param eml --eml was given: write files whatever the settings say.
 * @param store the store file's path and permission bits, for the password kept in it.
 */
export function resolveMailRoute(env: Env, business: Business, store: StoreFileMode, eml = false): MailRoute {
  if (eml || business.mail?.transport === 'file') return { kind: 'file' };
  let target: SmtpTarget;
  if (env.SMALLPAY_SMTP_URL) target = fromUrl(env.SMALLPAY_SMTP_URL, env, business);
  else if (business.smtp?.host) target = fromSettings(env, business, store);
  else throw invalid(NO_SMTP_SERVER);
  const display = `${target.secure ? 'smtps' : 'smtp'}://${target.user ? `${encodeURIComponent(target.user)}@` : ''}${target.host}:${target.port}`;
  return { kind: 'smtp', target, display, secrets: target.password ? [target.password, encodeURIComponent(target.password)] : [] };
}

/** Removes every secret from a text before it is printed or stored. */
export function scrub(text: string, secrets: readonly string[]): string {
  let clean = text;
  for (const secret of secrets) if (secret.length >= 3) clean = clean.split(secret).join('***');
  return clean;
}
