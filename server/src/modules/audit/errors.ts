// The audit log's error codes (kernel/errors.ts `defineErrors`): none yet. Every module has this file, so a code
// the module comes to throw has one place to be declared.
import { defineErrors } from '../../kernel/errors';

export const AuditErrors = defineErrors('audit', {});
