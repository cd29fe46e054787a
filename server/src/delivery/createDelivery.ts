import { listChatChannels } from '../db/chatChannels.ts';
import { deliveringSandboxes } from '../db/deliveryAdmin.ts';
import type { ServerStore } from '../db/openServerStore.ts';
import {
  type Clock,
  createGuardedFetch,
  createTicketTransport,
  createWebhookTransport,
  type Engine,
  type HireflowDb,
  routeTransports,
  type SandboxManager,
  type Transport,
  undeliverableTransport,
} from '../runtime.ts';
import { type ChannelState, type DeliveryConfig, maskSmtpUrl } from './deliveryConfig.ts';
import { createEmailSender, type EmailSender } from './emailSender.ts';
import { createNotifyTransport } from './notifyTransport.ts';

/** A channel's state as the status page shows it. */
export interface ChannelStatus {
  channel: 'email' | 'chat' | 'inApp' | 'webhook' | 'ticket';
  configured: boolean;
  detail: string;
}

/** Everything effect delivery needs, built once from the configuration. */
export interface Delivery {
  config: DeliveryConfig;
  email: ChannelState<EmailSender>;
  guardedFetch: typeof fetch;
  /** The production transports for effects of instances in `db` (production or a sandbox). */
  transportFor(target: { db: HireflowDb; engine: Engine; clock: Clock; sandbox?: string }): Transport;
  /** Per channel: configured or not, and why. */
  channels(): ChannelStatus[];
  /** Names of sandboxes whose effects are delivered (not captured). */
  deliveringSandboxes(): string[];
}

/** Builds {@link Delivery}; `serverUrl` is the link base when `HIREFLOW_PUBLIC_URL` is unset. */
export function createDelivery(options: {
  store: ServerStore;
  config: DeliveryConfig;
  serverUrl: () => string;
  sandboxes?: SandboxManager | undefined;
}): Delivery {
  const { store, config } = options;
  const email: ChannelState<EmailSender> = config.email.configured
    ? { configured: true, value: createEmailSender(config.email.value) }
    : config.email;
  const guardedFetch = createGuardedFetch({ allow: config.outboundAllow });
  const base = () => config.publicUrl ?? options.serverUrl();
  const webhook: Transport | undefined = config.webhook.configured
    ? createWebhookTransport({
        secret: config.webhook.value.secret,
        allow: config.outboundAllow,
        fetch: guardedFetch,
      })
    : undefined;

  return {
    config,
    email,
    guardedFetch,
    transportFor({ db, engine, clock, sandbox }) {
      const linkFor = (id: string) =>
        sandbox === undefined
          ? `${base()}/#/instances/${encodeURIComponent(id)}`
          : `${base()}/#/sandboxes/${encodeURIComponent(sandbox)}/instances/${encodeURIComponent(id)}`;
      const notify = createNotifyTransport({ store, instanceDb: db, clock, linkFor, email, guardedFetch });
      const reason = config.webhook.configured ? '' : config.webhook.reason;
      // The runtime's worker parks `undeliverable` answers itself; a type without a route is one.
      return routeTransports({
        'hireflow.notify': notify,
        'hireflow.assignOwner': notify,
        'hireflow.webhook': webhook ?? undeliverableTransport(`webhook: ${reason}`),
        'hireflow.openTicket': createTicketTransport(engine),
      });
    },
    channels() {
      const chat = listChatChannels(store);
      return [
        {
          channel: 'email',
          configured: config.email.configured,
          detail: config.email.configured
            ? `SMTP ${maskSmtpUrl(config.email.value.url)}, from ${config.email.value.from}`
            : config.email.reason,
        },
        {
          channel: 'chat',
          configured: chat.length > 0,
          detail:
            chat.length > 0
              ? `${chat.length} channel(s) in ${new Set(chat.map((c) => c.businessUnit)).size} unit(s)`
              : 'no chat channel configured (POST /api/chat-channels)',
        },
        { channel: 'inApp', configured: true, detail: 'always on' },
        {
          channel: 'webhook',
          configured: config.webhook.configured,
          detail: config.webhook.configured ? 'signed outbound webhooks' : config.webhook.reason,
        },
        { channel: 'ticket', configured: true, detail: 'ticket workflows start in the same business unit' },
      ];
    },
    deliveringSandboxes: () => deliveringSandboxes(store),
  };
}
