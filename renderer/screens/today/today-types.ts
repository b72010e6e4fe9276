// What the Hoje screen reads from the backend: the contract's own types for queue.build (shared/contract/queue.ts)
// and reminders.list (shared/contract/reminders.ts).
export type { QueueItem, PromiseDue, CallingStatus, QueueResult } from '../../../shared/contract/queue';

// reminders.list / reminders.send: the contract's own types (shared/contract/reminders.ts).
export type { ReminderItem, ThankYouItem, RemindersList, RemindersSendResult, MessageChannel } from '../../../shared/contract/reminders';
