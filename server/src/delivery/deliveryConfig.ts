import { z } from 'zod';
import { type OutboundAllowList, parseOutboundAllow } from '../runtime.ts';

/**
 * What effect delivery reads from the environment. Kept apart from `config.ts` (the lead merges it
 * into the global env schema). Nothing here throws on a bad SMTP URL: a bad URL must not stop the
 * server; the email channel reports it (status page) and each email effect goes dead with the reason.
 * A bad `HIREFLOW_OUTBOUND_ALLOW` entry does throw (a `RangeError` naming it): it is a security
 * setting, so the server refuses to start rather than guess.
 */
const DeliveryEnv = z.object({
  HIREFLOW_SMTP_URL: z.string().trim().optional(),
  HIREFLOW_MAIL_FROM: z.string().trim().optional(),
  HIREFLOW_PUBLIC_URL: z.string().trim().optional(),
  /** Comma-separated hosts / addresses / CIDRs outbound requests may reach although internal. */
  HIREFLOW_OUTBOUND_ALLOW: z.string().optional(),
  /** Signing secret of outbound `hireflow.webhook` effects (Standard Webhooks `whsec_…`). */
  HIREFLOW_WEBHOOK_SECRET: z.string().trim().optional(),
});

/** A channel is configured, or not with the reason (shown at start-up and on the status page). */
export type ChannelState<T> = { configured: true; value: T } | { configured: false; reason: string };

/** Effect delivery's configuration. */
export interface DeliveryConfig {
  email: ChannelState<{ url: string; from: string }>;
  /** Base URL of links in notifications (no trailing slash); defaults to the server's own URL. */
  publicUrl: string | undefined;
  /** Parsed once from `HIREFLOW_OUTBOUND_ALLOW`; the runtime's outbound policy reads it. */
  outboundAllow: OutboundAllowList;
  webhook: ChannelState<{ secret: string }>;
}

/** Reads {@link DeliveryConfig} from `env`. */
export function readDeliveryConfig(env: Record<string, string | undefined>): DeliveryConfig {
  const parsed = DeliveryEnv.parse(env);
  const smtp = parsed.HIREFLOW_SMTP_URL || undefined;
  const from = parsed.HIREFLOW_MAIL_FROM || undefined;
  const email: DeliveryConfig['email'] = !smtp
    ? { configured: false, reason: 'HIREFLOW_SMTP_URL is not set' }
    : !from
      ? { configured: false, reason: 'HIREFLOW_MAIL_FROM is not set' }
      : { configured: true, value: { url: smtp, from } };
  const secret = parsed.HIREFLOW_WEBHOOK_SECRET || undefined;
  return {
    email,
    publicUrl: parsed.HIREFLOW_PUBLIC_URL?.replace(/\/+$/, '') || undefined,
    outboundAllow: parseOutboundAllow(parsed.HIREFLOW_OUTBOUND_ALLOW),
    webhook: secret
      ? { configured: true, value: { secret } }
      : { configured: false, reason: 'HIREFLOW_WEBHOOK_SECRET is not set' },
  };
}

/** The URL with its password masked, for the status page and logs. */
export function maskSmtpUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(not a URL)';
  }
}
