// Sending SMS login codes. The sandbox sender logs the code and hands it back for the page to show; production
// needs a real SMS provider adapter behind this interface (none is configured yet: it answers 503).
import { PlatformErrors } from '../kernel/errors';
import type { Logger } from './logger';

export interface SmsSender {
  /** sends the code; returns it when (and only when) the sandbox may show it to the user */
  sendLoginCode(phone: string, code: string): Promise<{ sandboxCode?: string }>;
}

export const sandboxSms = (logger: Logger): SmsSender => ({
  async sendLoginCode(phone, code) {
    logger.info({ phone, code }, 'sandbox SMS: login code');
    return { sandboxCode: code };
  },
});

export const noSmsProvider: SmsSender = {
  async sendLoginCode() {
    throw PlatformErrors.SMS_UNAVAILABLE();
  },
};
