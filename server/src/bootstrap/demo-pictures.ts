// Product pictures for the demo catalog, drawn here as SVG (shaded shapes of the item itself: a cluster of oranges,
// a sack of rice, a bottle of soy sauce…) and rendered to WebP with sharp, so a first look at the shop shows what
// it sells without fetching anything. Each product names its drawing in sql/seed/demo-catalog.json (`picture`).
import sharp from 'sharp';

export interface PictureSpec {
  /** which drawing */
  kind: keyof typeof DRAW;
  /** the item's main colour */
  color: string;
  /** a second colour (leaf, label, lid…) */
  accent?: string;
}

const BACKDROPS = [
  ['#fff7ed', '#fde7cf'],
  ['#f0f9ff', '#dbeafe'],
  ['#f7fee7', '#e2f5c8'],
  ['#fdf4ff', '#f3e1f9'],
] as const;

let ids = 0;
/** A radial shading (light top left, colour, darker rim), as a gradient id to fill with. */
function shade(defs: string[], color: string): string {
  const id = `s${ids++}`;
  defs.push(`<radialGradient id="${id}" cx="0.35" cy="0.3" r="0.75"><stop offset="0" stop-color="#fff" stop-opacity="0.55"/>
<stop offset="0.35" stop-color="${color}"/><stop offset="1" stop-color="${color}" stop-opacity="1"/><stop offset="1" stop-color="#000" stop-opacity="0.3"/></radialGradient>`);
  return `url(#${id})`;
}
/** A left-to-right shading for cylinders and packs. */
function sideShade(defs: string[], color: string): string {
  const id = `l${ids++}`;
  defs.push(`<linearGradient id="${id}" x1="0" y1="0" x2="1" y2="0"><stop offset="0" stop-color="${color}" stop-opacity="0.75"/>
<stop offset="0.3" stop-color="#fff" stop-opacity="0.35"/><stop offset="0.45" stop-color="${color}"/><stop offset="1" stop-color="${color}"/></linearGradient>`);
  return `url(#${id})`;
}

const leaf = (x: number, y: number, rot: number, color = '#4d7c0f') =>
  `<path transform="translate(${x} ${y}) rotate(${rot})" d="M0 0 C 30 -28 78 -24 100 0 C 78 24 30 28 0 0 Z" fill="${color}"/>
<path transform="translate(${x} ${y}) rotate(${rot})" d="M4 0 L 92 0" stroke="#fff" stroke-opacity="0.35" stroke-width="3"/>`;

const ball = (defs: string[], cx: number, cy: number, r: number, color: string, ry = r) =>
  `<ellipse cx="${cx}" cy="${cy}" rx="${r}" ry="${ry}" fill="${shade(defs, color)}"/>`;

/** A carton in perspective: front, top and side faces, a band across the front. */
function carton(defs: string[], color: string, accent: string, x = 150, y = 200, w = 280, h = 240, d = 70): string {
  return `<path d="M${x} ${y} l${d} ${-d * 0.6} h${w} l${-d} ${d * 0.6} Z" fill="${color}" opacity="0.75"/>
<path d="M${x + w} ${y} l${d} ${-d * 0.6} v${h} l${-d} ${d * 0.6} Z" fill="${color}" opacity="0.6"/>
<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="${sideShade(defs, color)}"/>
<rect x="${x}" y="${y + h * 0.38}" width="${w}" height="${h * 0.26}" fill="${accent}" opacity="0.9"/>
<circle cx="${x + w * 0.22}" cy="${y + h * 0.51}" r="${h * 0.09}" fill="#fff" opacity="0.85"/>
<rect x="${x + w * 0.38}" y="${y + h * 0.46}" width="${w * 0.45}" height="${h * 0.04}" rx="4" fill="#fff" opacity="0.8"/>
<rect x="${x + w * 0.38}" y="${y + h * 0.54}" width="${w * 0.3}" height="${h * 0.03}" rx="4" fill="#fff" opacity="0.6"/>`;
}

/** Each drawing fills a 600×600 canvas above a shadow at y≈500. */
const DRAW = {
  /** three round fruits with a leaf (oranges, apples, tomatoes) */
  fruits: (defs: string[], c: string, a = '#4d7c0f') =>
    `${ball(defs, 215, 350, 118, c)}${ball(defs, 390, 360, 112, c)}${ball(defs, 300, 245, 112, c)}
<path d="M300 140 q6 -30 -4 -50" stroke="#6b4423" stroke-width="9" fill="none" stroke-linecap="round"/>${leaf(300, 138, -25, a)}`,
  /** flatter, ribbed fruits with a green calyx (tomatoes) */
  tomatoes: (defs: string[], c: string, a = '#15803d') =>
    `${ball(defs, 205, 370, 120, c, 98)}${ball(defs, 395, 375, 112, c, 92)}${ball(defs, 300, 262, 118, c, 96)}
${[0, 72, 144, 216, 288].map((r) => `<path transform="translate(300 172) rotate(${r})" d="M0 0 q10 -8 34 -4 q-18 8 -34 4 Z" fill="${a}"/>`).join('')}
<path d="M300 172 q2 -22 8 -30" stroke="${a}" stroke-width="8" fill="none" stroke-linecap="round"/>`,
  /** oval fruits (mangoes) */
  mangoes: (defs: string[], c: string, a = '#65a30d') =>
    `<g transform="rotate(-18 250 340)">${ball(defs, 250, 340, 150, c, 108)}</g>
<g transform="rotate(14 390 300)">${ball(defs, 390, 300, 130, c, 95)}<ellipse cx="330" cy="320" rx="60" ry="40" fill="${a}" opacity="0.35"/></g>`,
  /** a bunch of grapes */
  grapes: (defs: string[], c: string, a = '#3f6212') => {
    const rows = [5, 5, 4, 3, 2, 1];
    let out = `<path d="M300 120 q4 -30 30 -42" stroke="#6b4423" stroke-width="10" fill="none" stroke-linecap="round"/>${leaf(316, 110, -15, a)}`;
    rows.forEach((n, row) => {
      for (let i = 0; i < n; i++) out += ball(defs, 300 + (i - (n - 1) / 2) * 62, 170 + row * 55, 36, c);
    });
    return out;
  },
  /** napa cabbage: long pale leaves, green tips */
  cabbage: (defs: string[], c: string, a = '#fef9c3') =>
    [-28, -10, 8, 26]
      .map(
        (rot, i) =>
          `<g transform="rotate(${rot} 300 470)"><ellipse cx="${300}" cy="280" rx="${70 - i * 4}" ry="200" fill="${sideShade(defs, a)}"/>
<ellipse cx="300" cy="150" rx="${66 - i * 4}" ry="85" fill="${shade(defs, c)}"/><path d="M300 470 L300 120" stroke="#fff" stroke-width="6" opacity="0.7"/></g>`,
      )
      .join(''),
  /** a tied sack with grains in front (rice, flour, millet) */
  sack: (defs: string[], c: string, a = '#b45309') =>
    `<path d="M170 200 q-30 150 0 290 h260 q30 -140 0 -290 q-130 -40 -260 0 Z" fill="${sideShade(defs, c)}"/>
<path d="M200 205 q100 -60 200 0 l-20 -70 q-80 -30 -160 0 Z" fill="${c}" opacity="0.8"/>
<rect x="232" y="172" width="136" height="22" rx="10" fill="${a}"/>
<rect x="185" y="300" width="230" height="100" rx="16" fill="#fff" opacity="0.88"/>
<circle cx="235" cy="350" r="28" fill="${a}"/><rect x="280" y="330" width="110" height="14" rx="7" fill="${a}" opacity="0.8"/>
<rect x="280" y="356" width="80" height="12" rx="6" fill="${a}" opacity="0.5"/>
${[0, 1, 2, 3, 4, 5, 6, 7].map((i) => `<ellipse cx="${420 + (i % 4) * 22}" cy="${478 + Math.floor(i / 4) * 14}" rx="10" ry="6" fill="#fffbeb" stroke="${a}" stroke-opacity="0.4"/>`).join('')}`,
  /** a tall bottle with a label (soy sauce, coconut water) */
  bottle: (defs: string[], c: string, a = '#b91c1c') =>
    `<path d="M262 95 h76 v60 q64 40 64 120 v205 q0 20 -20 20 h-164 q-20 0 -20 -20 v-205 q0 -80 64 -120 Z" fill="${sideShade(defs, c)}"/>
<rect x="255" y="70" width="90" height="40" rx="8" fill="${a}"/>
<rect x="198" y="300" width="204" height="130" rx="10" fill="#fffaf0"/><rect x="198" y="318" width="204" height="26" fill="${a}"/>
<circle cx="300" cy="385" r="26" fill="${a}" opacity="0.85"/>`,
  /** a jug with a handle (laundry detergent) */
  jug: (defs: string[], c: string, a = '#fbbf24') =>
    `<path d="M190 180 h200 q40 0 40 40 v250 q0 22 -22 22 h-236 q-22 0 -22 -22 v-250 q0 -40 40 -40 Z" fill="${sideShade(defs, c)}"/>
<path d="M330 180 v-40 q0 -20 20 -20 h40 q20 0 20 20 v90" stroke="${c}" stroke-width="26" fill="none"/>
<rect x="200" y="110" width="80" height="70" rx="10" fill="${a}"/>
<rect x="190" y="290" width="210" height="140" rx="18" fill="#fff" opacity="0.9"/>
${ball(defs, 260, 360, 34, '#7dd3fc')}${ball(defs, 310, 345, 22, '#bae6fd')}${ball(defs, 345, 378, 28, '#93c5fd')}`,
  /** a jar with a lid (bean paste) */
  jar: (defs: string[], c: string, a = '#fcd34d') =>
    `<rect x="175" y="210" width="250" height="280" rx="40" fill="${sideShade(defs, c)}"/>
<rect x="190" y="160" width="220" height="62" rx="14" fill="${sideShade(defs, '#374151')}"/>
<rect x="175" y="285" width="250" height="130" fill="${a}"/><circle cx="300" cy="350" r="42" fill="${c}"/>
<circle cx="300" cy="350" r="26" fill="${a}" opacity="0.6"/>`,
  /** a gift carton with the goods in front (nuts, pastries, coffee bags, diapers, wipes, tissues) */
  carton: (defs: string[], c: string, a = '#fef3c7') => `${carton(defs, c, a)}`,
  /** a carton and a few round things in front of it (nuts, egg-yolk pastries) */
  cartonTreats: (defs: string[], c: string, a = '#fef3c7') =>
    `${carton(defs, c, a, 120, 170, 260, 220, 60)}
${[0, 1, 2, 3].map((i) => ball(defs, 330 + i * 48, 455 - (i % 2) * 18, 34, i % 2 ? '#d6a461' : '#b7793f')).join('')}`,
  /** a stand-up pouch with a window (jerky) */
  pouch: (defs: string[], c: string, a = '#fcd34d') =>
    `<path d="M180 130 h240 l14 350 q0 14 -14 14 h-240 q-14 0 -14 -14 Z" fill="${sideShade(defs, c)}"/>
<rect x="180" y="130" width="240" height="24" fill="#000" opacity="0.15"/>
<rect x="220" y="230" width="160" height="150" rx="24" fill="#fff" opacity="0.25"/>
${[0, 1, 2].map((i) => `<rect x="${238 + i * 44}" y="${250 + (i % 2) * 20}" width="36" height="110" rx="12" fill="#7c2d12" transform="rotate(${-8 + i * 8} ${256 + i * 44} 305)"/>`).join('')}
<rect x="200" y="410" width="200" height="34" rx="8" fill="${a}"/>`,
  /** a tea tin and loose leaves */
  tin: (defs: string[], c: string, a = '#fef9c3') =>
    `<rect x="190" y="170" width="220" height="310" rx="18" fill="${sideShade(defs, c)}"/>
<rect x="180" y="150" width="240" height="50" rx="14" fill="${sideShade(defs, '#14532d')}"/>
<rect x="190" y="260" width="220" height="120" fill="${a}"/>${leaf(230, 320, -20, c)}${leaf(300, 330, -160, '#15803d')}
${leaf(420, 470, -30, '#65a30d')}${leaf(120, 480, -10, '#4d7c0f')}`,
  /** a wok from above with its handle */
  pan: (defs: string[], c: string, a = '#92400e') =>
    `<rect x="380" y="268" width="200" height="44" rx="22" fill="${a}" transform="rotate(-12 380 290)"/>
<circle cx="250" cy="300" r="190" fill="${shade(defs, c)}"/><circle cx="250" cy="300" r="160" fill="#1f2937"/>
<circle cx="250" cy="300" r="160" fill="${shade(defs, '#374151')}" opacity="0.85"/>
<ellipse cx="200" cy="240" rx="70" ry="30" fill="#fff" opacity="0.12" transform="rotate(-30 200 240)"/>`,
  /** rolls of film bags */
  rolls: (defs: string[], c: string, a = '#e2e8f0') =>
    [0, 1, 2]
      .map(
        (i) =>
          `<g transform="translate(${150 + i * 110} ${190 + (i % 2) * 40})"><rect x="0" y="0" width="100" height="270" rx="14" fill="${sideShade(defs, a)}"/>
<ellipse cx="50" cy="0" rx="50" ry="18" fill="${c}"/><ellipse cx="50" cy="0" rx="18" ry="7" fill="#fff"/>
<rect x="0" y="110" width="100" height="50" fill="${c}" opacity="0.85"/></g>`,
      )
      .join(''),
  /** a tube of face wash with foam */
  tube: (defs: string[], c: string, a = '#fdf2f8') =>
    `<g transform="rotate(-20 300 300)"><path d="M220 110 h160 l-20 300 h-120 Z" fill="${sideShade(defs, a)}"/>
<rect x="255" y="410" width="90" height="70" rx="12" fill="${c}"/><rect x="230" y="200" width="140" height="90" rx="12" fill="${c}" opacity="0.85"/></g>
${ball(defs, 420, 440, 40, '#ffffff')}${ball(defs, 470, 415, 26, '#ffffff')}${ball(defs, 455, 465, 22, '#ffffff')}`,
  /** toothbrushes in a fan */
  brushes: (_defs: string[], c: string, a = '#f0f9ff') =>
    [-24, -8, 8, 24]
      .map(
        (rot, i) =>
          `<g transform="rotate(${rot} 300 520)"><rect x="286" y="160" width="28" height="360" rx="14" fill="${i % 2 ? c : '#f472b6'}"/>
<rect x="282" y="100" width="36" height="70" rx="8" fill="${a}" stroke="#cbd5e1" stroke-width="3"/></g>`,
      )
      .join(''),
};

/** The SVG of one product picture; `variant` 1 is the same item closer, on another backdrop. */
export function pictureSvg(spec: PictureSpec, variant: number): string {
  const defs: string[] = [];
  const body = DRAW[spec.kind](defs, spec.color, spec.accent);
  const hue = [...spec.color].reduce((h, ch) => h + ch.charCodeAt(0), 0);
  const [from, to] = BACKDROPS[(variant + hue) % BACKDROPS.length]!;
  const zoom = variant % 2 ? 'translate(-45 -60) scale(1.15)' : '';
  return `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="600" viewBox="0 0 600 600">
<defs><linearGradient id="bg" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/></linearGradient>
<radialGradient id="shadow"><stop offset="0" stop-color="#000" stop-opacity="0.22"/><stop offset="1" stop-color="#000" stop-opacity="0"/></radialGradient>${defs.join('')}</defs>
<rect width="600" height="600" fill="url(#bg)"/><ellipse cx="300" cy="505" rx="230" ry="36" fill="url(#shadow)"/>
<g transform="${zoom}">${body}</g></svg>`;
}

/** The picture as WebP (about 10–30 KB at 600×600). */
export function renderPicture(spec: PictureSpec, variant: number): Promise<Buffer> {
  return sharp(Buffer.from(pictureSvg(spec, variant)))
    .webp({ quality: 80 })
    .toBuffer();
}
