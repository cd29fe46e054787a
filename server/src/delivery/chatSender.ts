import type { ChatChannelRow } from '../db/chatChannels.ts';
import { slackPayload, teamsPayload } from './chatPayloads.ts';
import type { SendOutcome } from './emailSender.ts';
import type { NotificationFacts } from './notificationFacts.ts';

/**
 * Posts a notification to one Slack-compatible or Teams incoming webhook through the guarded fetch
 * (outbound policy). 2xx = delivered; 4xx other than 408/429 = permanent; anything else is retried.
 */
export async function postToChat(
  channel: ChatChannelRow,
  facts: NotificationFacts,
  guardedFetch: typeof fetch,
  timeoutMs = 10_000,
): Promise<SendOutcome> {
  const body = channel.kind === 'slack' ? slackPayload(facts) : teamsPayload(facts);
  try {
    const response = await guardedFetch(channel.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.body?.cancel();
    if (response.ok) return { ok: true, detail: `${channel.kind} ${channel.name}: HTTP ${response.status}` };
    const s = response.status;
    return {
      ok: false,
      error: `${channel.kind} ${channel.name}: HTTP ${s}`,
      permanent: s >= 400 && s < 500 && s !== 408 && s !== 429,
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      error: `${channel.kind} ${channel.name}: ${message}`,
      permanent: message.includes('refused:'),
    };
  }
}
