import { clearDigest, getPreferences, pendingDigests } from '../db/notifications.ts';
import type { ServerStore } from '../db/openServerStore.ts';
import { getUser } from '../db/users.ts';
import type { Clock } from '../runtime.ts';
import type { ChannelState } from './deliveryConfig.ts';
import type { EmailSender } from './emailSender.ts';
import { renderDigestMail } from './renderNotification.ts';

/** What one digest run did. */
export interface DigestRun {
  sent: number;
  failed: { userId: string; error: string }[];
}

const DAY = 86_400_000;

/**
 * The daily digest: once per UTC day, at `hourUtc`, each user whose email mode is `digest` gets ONE
 * email with the notifications collected since the last digest. Items stay pending when the mail is
 * not accepted (or email is not configured), so the next run sends them. `tick` is called from the
 * workers loop; the clock is injected so tests drive it with a manual clock.
 */
export function createDigestJob(options: {
  store: ServerStore;
  clock: Clock;
  email: ChannelState<EmailSender>;
  hourUtc?: number;
}) {
  const hour = options.hourUtc ?? 7;
  let lastRunDay: number | undefined;

  const run = async (): Promise<DigestRun> => {
    const result: DigestRun = { sent: 0, failed: [] };
    for (const [userId, items] of pendingDigests(options.store)) {
      const user = getUser(options.store, userId);
      if (!user || user.deactivatedAt !== null || getPreferences(options.store, userId).email !== 'digest') {
        clearDigest(
          options.store,
          items.map((i) => i.id),
        );
        continue;
      }
      if (!options.email.configured) {
        result.failed.push({ userId, error: options.email.reason });
        continue;
      }
      const outcome = await options.email.value([user.email], renderDigestMail(items));
      if (outcome.ok) {
        clearDigest(
          options.store,
          items.map((i) => i.id),
        );
        result.sent += 1;
      } else result.failed.push({ userId, error: outcome.error });
    }
    return result;
  };

  return {
    run,
    /** Runs the digest when today's digest hour has passed and today's digest has not run yet. */
    async tick(): Promise<DigestRun | undefined> {
      const now = options.clock.now().getTime();
      const day = Math.floor(now / DAY);
      if (lastRunDay === day || now < day * DAY + hour * 3_600_000) return undefined;
      lastRunDay = day;
      return run();
    },
  };
}
