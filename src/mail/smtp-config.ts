/**
 * Where mail goes: the SMTP server of SMALLPAY_SMTP_URL, else of the smtp.* settings, else (no server
 * configured) .eml files in an outbox/ folder beside the store. Secrets never leave this module in a form
 * that prints: `display` has no password, and `secrets` lets error messages be scrubbed.
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
}

export type MailRoute =
  | { kind: 'smtp'; target: SmtpTarget; display: string; secrets: string[] }
  | { kind: 'file' };

type Env = Readonly<Record<string, string | undefined>>;

function fromUrl(text: string, env: Env, business: Business): SmtpTarget {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw invalid('SMALLPAY_SMTP_URL: not a URL (write it as smtp://user:password@host:587 or smtps://…)');
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') throw invalid(`SMALLPAY_SMTP_URL: must start with smtp:// or smtps://, not ${url.protocol}//`);
  if (url.hostname === '') throw invalid('SMALLPAY_SMTP_URL: has no host');
  const secure = url.protocol === 'smtps:';
  const user = decodeURIComponent(url.username);
  const password = url.password ? decodeURIComponent(url.password) : env.SMALLPAY_SMTP_PASSWORD;
  return {
    host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    ...(user !== '' && { user }),
    ...(password !== undefined && password !== '' && { password }),
    tlsRejectUnauthorized: business.smtp?.tlsRejectUnauthorized ?? true,
  };
}

/**
 * @param storeMode the store file's permission bits: a password kept in the store is used only when no one
 *   but its owner can read the file (mode 0600), as ssh does with its keys.
 */
export function resolveMailRoute(env: Env, business: Business, store: { path: string; mode: number | undefined }): MailRoute {
  let target: SmtpTarget | undefined;
  if (env.SMALLPAY_SMTP_URL) {
    target = fromUrl(env.SMALLPAY_SMTP_URL, env, business);
  } else if (business.smtp?.host) {
    const { smtp } = business;
    const secure = smtp.secure ?? false;
    let password = env.SMALLPAY_SMTP_PASSWORD || undefined;
    if (password === undefined && smtp.password !== undefined) {
      const mode = store.mode ?? 0o600;
      if ((mode & 0o077) !== 0) {
        throw refused(
          `smtp.password: ${store.path} can be read by others (mode ${(mode & 0o777).toString(8).padStart(4, '0')}), so its password is not used`,
          `chmod 600 '${store.path}', or pass the password in SMALLPAY_SMTP_PASSWORD`,
        );
      }
      password = smtp.password;
    }
    target = {
      host: smtp.host as string,
      port: smtp.port ?? (secure ? 465 : 587),
      secure,
      ...(smtp.user !== undefined && { user: smtp.user }),
      ...(password !== undefined && { password }),
      tlsRejectUnauthorized: smtp.tlsRejectUnauthorized ?? true,
    };
  }
  if (!target) return { kind: 'file' };
  const display = `${target.secure ? 'smtps' : 'smtp'}://${target.user ? `${encodeURIComponent(target.user)}@` : ''}${target.host}:${target.port}`;
  return { kind: 'smtp', target, display, secrets: target.password ? [target.password, encodeURIComponent(target.password)] : [] };
}

/** Removes every secret from a text before it is printed or stored. */
export function scrub(text: string, secrets: readonly string[]): string {
  let clean = text;
  for (const secret of secrets) if (secret.length >= 3) clean = clean.split(secret).join('***');
  return clean;
}
