import { apiRequest as request } from './client.ts';
import type {
  ChatChannel,
  DeliveryStatus,
  Effect,
  EffectStatus,
  Notification,
  NotificationPreferences,
} from './deliveryTypes.ts';

const id = encodeURIComponent;

/** The delivery routes: notifications, preferences, effects, dead letters, status, chat channels. */
export const deliveryApi = {
  notifications: () => request<{ items: Notification[]; unread: number }>('GET', '/notifications'),
  markRead: (notificationId: number) =>
    request<{ unread: number }>('POST', `/notifications/${notificationId}/read`),
  markAllRead: () => request<{ unread: number }>('POST', '/notifications/read-all'),
  preferences: () => request<NotificationPreferences>('GET', '/notifications/preferences'),
  savePreferences: (prefs: NotificationPreferences) =>
    request<NotificationPreferences>('PUT', '/notifications/preferences', prefs),
  instanceEffects: (instanceId: string) =>
    request<{ items: Effect[] }>('GET', `/instances/${id(instanceId)}/effects`),
  effects: (status?: EffectStatus) =>
    request<{ items: Effect[] }>('GET', `/effects${status ? `?status=${status}` : ''}`),
  retryEffect: (effectId: string, reason?: string) =>
    request<{ effect: Effect }>('POST', `/effects/${id(effectId)}/retry`, reason ? { reason } : {}),
  discardEffect: (effectId: string, reason: string) =>
    request<{ effect: Effect }>('POST', `/effects/${id(effectId)}/discard`, { reason }),
  status: () => request<DeliveryStatus>('GET', '/system/delivery'),
  chatChannels: () => request<{ items: ChatChannel[] }>('GET', '/chat-channels'),
};
