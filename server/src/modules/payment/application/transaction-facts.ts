/** WeChat's success_time (RFC 3339 with offset) as an instant; now if absent. */
export function parseSuccessTime(s: string | undefined): Date {
  const d = s ? new Date(s) : new Date();
  return Number.isNaN(d.getTime()) ? new Date() : d;
}
