/** Which store a command works on, once `--store` / SMALLPAY_STORE is parsed (src/cli/store-locator.ts). */
export type EngineName = 'json' | 'sqlite' | 'postgres';

export type StoreLocator =
  | { engine: 'json'; path: string; label: string }
  | { engine: 'sqlite'; path: string; label: string }
  /** `url` still holds the password, for the driver only; `label` never does. */
  | { engine: 'postgres'; url: string; business: string; label: string };
