import { latestNotificationId, listNotifications, notificationsAfter } from '../db/notifications.ts';
import type { ServerStore } from '../db/openServerStore.ts';
import { toNotificationView } from './notificationRoutes.ts';

/** Writes one SSE message (hono's `SSEStreamingApi.writeSSE`). */
type WriteSSE = (message: { event: string; data: string }) => Promise<void>;

/**
 * The caller's new in-app notifications for `GET /api/stream`: each poll sends a `notification`
 * event per new row (with the unread count), starting from the newest row when the stream opened.
 * No `id` field: the stream's event ids are audit seqs, and resuming replays those only.
 */
export function createNotificationTail(store: ServerStore, userId: string) {
  let after = latestNotificationId(store);
  return async (write: WriteSSE): Promise<void> => {
    const rows = notificationsAfter(store, userId, after);
    if (rows.length === 0) return;
    after = rows[rows.length - 1]?.id ?? after;
    const { unread } = listNotifications(store, userId, 1);
    for (const row of rows)
      await write({ event: 'notification', data: JSON.stringify({ ...toNotificationView(row), unread }) });
  };
}
