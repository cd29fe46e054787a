import { channelsForRoles } from '../db/chatChannels.ts';
import { doneChannels, getPreferences, markChannelDone, recordNotification } from '../db/notifications.ts';
import type { ServerStore } from '../db/openServerStore.ts';
import type { Clock, DeliveryResult, HireflowDb, Transport } from '../runtime.ts';
import { postToChat } from './chatSender.ts';
import type { ChannelState } from './deliveryConfig.ts';
import type { EmailSender } from './emailSender.ts';
import { notificationFacts } from './notificationFacts.ts';
import { notificationTitle, renderNotificationMail } from './renderNotification.ts';
import { resolveRecipientsIn } from './resolveRecipients.ts';

/** What {@link createNotifyTransport} needs. */
export interface NotifyTransportOptions {
  store: ServerStore;
  /** Where the effect's instance lives: production, or a sandbox in `deliver` mode. */
  instanceDb: HireflowDb;
  clock: Clock;
  /** The link to an instance in the designer (production or sandbox). */
  linkFor: (instanceId: string) => string;
  email: ChannelState<EmailSender>;
  guardedFetch: typeof fetch;
}

/**
 * Delivers `hireflow.notify` (and `hireflow.assignOwner`) effects to people: an in-app notification
 * per resolved user (idempotent per effect; a repeated reminder of the same rung collapses into the
 * user's existing one), one email to the users who want it immediately, and a post to each chat
 * channel of the unit subscribed to one of the roles. Channels already done are skipped on a retry.
 * Delivered only when every channel that had something to send confirmed it.
 */
export function createNotifyTransport(options: NotifyTransportOptions): Transport {
  const { store } = options;
  return async (effect) => {
    const now = options.clock.now().getTime();
    const facts = notificationFacts(options.instanceDb, effect, { now, linkFor: options.linkFor });
    if ('error' in facts) return { ok: false, error: facts.error, permanent: true };
    const users = resolveRecipientsIn(store, facts.businessUnit, facts.to);
    const roles = facts.to.flatMap((r) => ('role' in r ? [r.role] : []));
    const channels = channelsForRoles(store, facts.businessUnit, roles);
    if (users.length === 0 && channels.length === 0)
      return {
        ok: false,
        permanent: true,
        error: `nobody to notify: no active user of unit "${facts.businessUnit}" matches ${JSON.stringify(facts.to)} and no chat channel is subscribed`,
      };

    const title = notificationTitle(facts);
    const emailNow: string[] = [];
    let fresh = 0;
    for (const user of users) {
      const prefs = getPreferences(store, user.id);
      const recorded = recordNotification(store, {
        userId: user.id,
        dedupeKey: facts.dedupeKey,
        effectKey: effect.effectKey,
        instanceId: facts.instanceId,
        title,
        body: facts.message,
        link: facts.link,
        inApp: prefs.inApp,
        digestPending: prefs.email === 'digest',
        createdAt: now,
      });
      if (!recorded.fresh) continue;
      fresh += 1;
      if (prefs.email === 'immediate') emailNow.push(user.email);
    }
    // Every addressed user already had this reminder: it collapses; nothing goes out again.
    if (users.length > 0 && fresh === 0) return { ok: true, detail: 'duplicate reminder collapsed' };

    const done = doneChannels(store, effect.effectKey);
    const sent: string[] = [`in-app ${users.length}`];
    const failures: { error: string; permanent: boolean }[] = [];
    let undeliverable: string | undefined;
    if (emailNow.length > 0 && !done.has('email')) {
      if (!options.email.configured) undeliverable = `email: ${options.email.reason}`;
      else {
        const outcome = await options.email.value(emailNow, renderNotificationMail(facts));
        if (outcome.ok) {
          markChannelDone(store, effect.effectKey, 'email', options.clock.now().getTime());
          sent.push(outcome.detail);
        } else failures.push(outcome);
      }
    }
    if (fresh > 0 || users.length === 0) {
      for (const channel of channels) {
        const key = `chat:${channel.id}`;
        if (done.has(key)) continue;
        const outcome = await postToChat(channel, facts, options.guardedFetch);
        if (outcome.ok) {
          markChannelDone(store, effect.effectKey, key, options.clock.now().getTime());
          sent.push(outcome.detail);
        } else failures.push(outcome);
      }
    }
    return outcomeOf(sent, failures, undeliverable);
  };
}

/** Retryable failures win (a retry may fix them), then permanent ones, then "not configured". */
function outcomeOf(
  sent: string[],
  failures: { error: string; permanent: boolean }[],
  undeliverable: string | undefined,
): DeliveryResult {
  const errors = [...failures.map((f) => f.error), ...(undeliverable ? [undeliverable] : [])].join('; ');
  if (failures.some((f) => !f.permanent)) return { ok: false, error: errors };
  if (failures.length > 0) return { ok: false, error: errors, permanent: true };
  if (undeliverable)
    return { ok: false, undeliverable: true, error: `${undeliverable} (done: ${sent.join(', ')})` };
  return { ok: true, detail: sent.join('; ') };
}
