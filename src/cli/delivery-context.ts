/**
 * What delivery/ gets from a command's Deps, built in one place for `send`, `outbox retry` and
 * `recurring run --send`. The formats of amounts and dates in message texts are chosen here, the same as
 * the PDF's, so delivery/ never reaches into the renderers (and one line changes when they move).
 */
import type { AttachableFormat } from '../domain/einvoice-attach.js';
import type { DeliveryContext } from '../delivery/deliver.js';
import { formatMoney } from '../domain/money-format.js';
import { formatDate } from '../render/pdf/invoice-view.js';
import type { Store } from '../store/store.js';
import type { Deps } from './deps.js';

export function deliveryContext(deps: Deps, store: Store, options: { eml: boolean; today?: string; attach?: AttachableFormat[] }): DeliveryContext {
  return {
    store,
    env: deps.env,
    say: (line) => deps.io.err.write(`${line}\n`),
    startProgress: deps.startProgress,
    today: options.today ?? deps.today(),
    now: () => deps.now(),
    newId: deps.newId,
    run: deps.runIdentity(),
    formats: { money: formatMoney, date: formatDate },
    eml: options.eml,
    ...(options.attach && { attach: options.attach }),
  };
}
