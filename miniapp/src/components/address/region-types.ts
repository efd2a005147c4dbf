export interface RegionOption {
  text: string;
  value: string;
  children?: RegionOption[];
}

/** A picked province / city / district, by name (what an address stores). */
export interface Region {
  province: string;
  city: string;
  district: string;
}

/** The codes of a region given by names (to reopen the picker on it), or [] when the names are not in the data. */
export function codesOf(options: RegionOption[], r: Region): string[] {
  const codes: string[] = [];
  let level: RegionOption[] | undefined = options;
  for (const name of [r.province, r.city, r.district]) {
    const hit: RegionOption | undefined = level?.find((o) => o.text === name);
    if (!hit) return [];
    codes.push(hit.value);
    level = hit.children;
  }
  return codes;
}
