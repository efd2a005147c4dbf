// Shop-side words and small display rules. Status labels and money live in @display (shared with the admin).

/** A countdown "HH:MM:SS" (days as "N天 HH:MM:SS") to a deadline; "00:00:00" once it has passed. */
export function countdown(deadline: string | Date, now: number = Date.now()): string {
  const ms = Math.max(0, new Date(deadline).getTime() - now);
  const total = Math.floor(ms / 1000);
  const d = Math.floor(total / 86400);
  const pad = (n: number) => String(n).padStart(2, '0');
  const hms = `${pad(Math.floor((total % 86400) / 3600))}:${pad(Math.floor((total % 3600) / 60))}:${pad(total % 60)}`;
  return d > 0 ? `${d}天 ${hms}` : hms;
}

/** The group code from a page's options: `code=…`, or a mini-program QR's `scene=g%3D<code>`. */
export function groupCodeFrom(params: Record<string, string | undefined>): string | null {
  const fromScene = params.scene ? /^g=([0-9A-Za-z]{6,16})$/.exec(decodeURIComponent(params.scene))?.[1] : undefined;
  const code = fromScene ?? params.code;
  return code && /^[0-9A-Za-z]{6,16}$/.test(code) ? code : null;
}

/** A SKU's spec values as shoppers read them: "红 / XL", or the fallback for a single-SKU product. */
export const specsLabel = (specs: Record<string, string>, fallback = '默认规格') =>
  Object.values(specs).join(' / ') || fallback;

/** The address line under the consignee: province, city, district and street. */
export const addressText = (a: { province: string; city: string; district: string; detail: string }) =>
  `${a.province}${a.city}${a.district} ${a.detail}`;
