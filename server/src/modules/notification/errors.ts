// Notifications' error codes (kernel/errors.ts `defineErrors`): none yet (notices are sent through the outbox and
// never refuse a request). Every module has this file, so a code the module comes to throw has one place to be
// declared.
import { defineErrors } from '../../kernel/errors';

export const NotificationErrors = defineErrors('notification', {});
