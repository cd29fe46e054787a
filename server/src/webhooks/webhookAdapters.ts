import { ashby } from './ashby.ts';
import { greenhouse } from './greenhouse.ts';
import { lever } from './lever.ts';
import { standardWebhooks } from './standardWebhooks.ts';
import type { VendorAdapter } from './vendorAdapter.ts';

/** The adapters by the path segment of their route: `/api/webhooks/<key>`. */
export const WEBHOOK_ADAPTERS: Readonly<Record<VendorAdapter['vendor'], VendorAdapter>> = {
  greenhouse,
  lever,
  ashby,
  generic: standardWebhooks,
};

/** The adapter of a vendor name. */
export function adapterOf(vendor: string): VendorAdapter | undefined {
  return Object.hasOwn(WEBHOOK_ADAPTERS, vendor)
    ? WEBHOOK_ADAPTERS[vendor as VendorAdapter['vendor']]
    : undefined;
}
