import sharp from 'sharp';

/**
 * The example images of the VOORBEELD templates, drawn here (SVG through sharp) so nothing is
 * downloaded and every picture may be shipped. Flat, warm autumn tones for a fashion shop.
 */
const SERIF = "'Liberation Serif', 'DejaVu Serif', serif";
const SANS = "'Liberation Sans', 'DejaVu Sans', sans-serif";

function svg(width: number, height: number, body: string): Buffer {
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${body}</svg>`,
  );
}

const grain = (id: string) =>
  `<filter id="${id}"><feTurbulence type="fractalNoise" baseFrequency="0.9" numOctaves="2" stitchTiles="stitch"/><feColorMatrix type="saturate" values="0"/><feComponentTransfer><feFuncA type="linear" slope="0.06"/></feComponentTransfer></filter>`;

/** A coat on a hanger: the silhouette used in the hero and the product photo. */
function coat(x: number, y: number, scale: number, fill: string, shade: string): string {
  return `<g transform="translate(${x} ${y}) scale(${scale})">
    <path d="M100 0 q-10 0 -10 10 q0 8 10 12 l0 8" fill="none" stroke="#5b4636" stroke-width="4"/>
    <path d="M40 48 L100 30 L160 48 Z" fill="none" stroke="#5b4636" stroke-width="4"/>
    <path d="M52 50 L82 40 L100 70 L118 40 L148 50 L176 190 L150 196 L146 120 L146 300 L54 300 L54 120 L50 196 L24 190 Z" fill="${fill}"/>
    <path d="M82 40 L100 70 L92 300 L54 300 L54 120 Z" fill="${shade}" opacity="0.35"/>
    <path d="M100 70 L100 300" stroke="${shade}" stroke-width="3"/>
    <circle cx="110" cy="120" r="5" fill="${shade}"/><circle cx="110" cy="165" r="5" fill="${shade}"/><circle cx="110" cy="210" r="5" fill="${shade}"/>
    <path d="M62 200 h28 M112 200 h28" stroke="${shade}" stroke-width="3"/>
  </g>`;
}

function scarf(x: number, y: number, scale: number): string {
  const stripes = [0, 1, 2, 3, 4, 5, 6, 7]
    .map(
      (i) => `<rect x="0" y="${30 + i * 34}" width="70" height="14" fill="#e9d8c4" opacity="0.8"/>`,
    )
    .join('');
  return `<g transform="translate(${x} ${y}) scale(${scale})">
    <g transform="rotate(-8 35 160)"><rect x="0" y="0" width="70" height="320" rx="10" fill="#9b3d2c"/>${stripes}
    <path d="M4 320 v24 M16 320 v24 M28 320 v24 M40 320 v24 M52 320 v24 M64 320 v24" stroke="#9b3d2c" stroke-width="5"/></g>
    <g transform="translate(70 20) rotate(10 35 160)"><rect x="0" y="0" width="70" height="300" rx="10" fill="#7f3124"/>
    <path d="M4 300 v24 M16 300 v24 M28 300 v24 M40 300 v24 M52 300 v24 M64 300 v24" stroke="#7f3124" stroke-width="5"/></g>
  </g>`;
}

export async function heroNewsletter(): Promise<Buffer> {
  const body = `<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#d9a77f"/><stop offset="0.55" stop-color="#b86b48"/><stop offset="1" stop-color="#6e3b2a"/></linearGradient>${grain('n')}</defs>
    <rect width="640" height="400" fill="url(#g)"/>
    <circle cx="520" cy="70" r="150" fill="#f2d5b8" opacity="0.25"/>
    <circle cx="80" cy="380" r="120" fill="#4a2618" opacity="0.18"/>
    <path d="M0 330 Q160 300 320 330 T640 320 V400 H0 Z" fill="#4a2618" opacity="0.25"/>
    <line x1="360" y1="40" x2="620" y2="40" stroke="#3b2a20" stroke-width="6" stroke-linecap="round"/>
    ${coat(360, 40, 0.95, '#c9a27a', '#8a6444')}
    ${coat(470, 40, 0.95, '#3f4a3c', '#27301f')}
    <text x="40" y="150" font-family="${SANS}" font-size="20" letter-spacing="6" fill="#fff4e8">NIEUW BINNEN</text>
    <text x="40" y="215" font-family="${SERIF}" font-size="58" fill="#ffffff">Herfst</text>
    <text x="40" y="272" font-family="${SERIF}" font-size="58" font-style="italic" fill="#ffffff">collectie</text>
    <rect x="40" y="298" width="64" height="3" fill="#fff4e8"/>
    <rect width="640" height="400" filter="url(#n)"/>`;
  return sharp(svg(640, 400, body))
    .jpeg({ quality: 84, mozjpeg: true })
    .toBuffer();
}

export async function productCoat(): Promise<Buffer> {
  const body = `<defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#efe6dc"/><stop offset="1" stop-color="#dccbb8"/></linearGradient>${grain('n')}</defs>
    <rect width="300" height="340" fill="url(#g)"/>
    <ellipse cx="150" cy="325" rx="90" ry="10" fill="#b9a28a" opacity="0.5"/>
    ${coat(55, 14, 0.95, '#c39a6b', '#8a6444')}
    <rect width="300" height="340" filter="url(#n)"/>`;
  return sharp(svg(300, 340, body))
    .jpeg({ quality: 84, mozjpeg: true })
    .toBuffer();
}

export async function productScarf(): Promise<Buffer> {
  const body = `<defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#f1e7e0"/><stop offset="1" stop-color="#e0cfc4"/></linearGradient>${grain('n')}</defs>
    <rect width="300" height="340" fill="url(#g)"/>
    <ellipse cx="150" cy="325" rx="90" ry="10" fill="#bfa595" opacity="0.5"/>
    ${scarf(80, 0, 0.85)}
    <rect width="300" height="340" filter="url(#n)"/>`;
  return sharp(svg(300, 340, body))
    .jpeg({ quality: 84, mozjpeg: true })
    .toBuffer();
}

export async function shopEvening(): Promise<Buffer> {
  const windows = [0, 1, 2]
    .map(
      (i) =>
        `<rect x="${30 + i * 90}" y="120" width="70" height="130" rx="4" fill="#f6c977"/><rect x="${30 + i * 90}" y="120" width="70" height="130" rx="4" fill="url(#glow)"/>`,
    )
    .join('');
  const body = `<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#27304a"/><stop offset="1" stop-color="#5a4a6a"/></linearGradient>
    <radialGradient id="glow"><stop offset="0" stop-color="#fff1c9" stop-opacity="0.8"/><stop offset="1" stop-color="#f0a94a" stop-opacity="0"/></radialGradient>${grain('n')}</defs>
    <rect width="300" height="300" fill="url(#sky)"/>
    <circle cx="255" cy="36" r="16" fill="#fdf0d0" opacity="0.9"/>
    <rect x="15" y="80" width="270" height="200" fill="#3a2c2a"/>
    <rect x="15" y="70" width="270" height="26" fill="#8c4a2f"/>
    <text x="150" y="89" text-anchor="middle" font-family="${SERIF}" font-size="16" letter-spacing="3" fill="#fff4e8">JOUW MODEZAAK</text>
    ${windows}
    <rect x="0" y="280" width="300" height="20" fill="#1d1a22"/>
    <text x="130" y="44" text-anchor="middle" font-family="${SANS}" font-size="15" letter-spacing="4" fill="#fdf0d0">KOOPAVOND</text>
    <rect width="300" height="300" filter="url(#n)"/>`;
  return sharp(svg(300, 300, body))
    .jpeg({ quality: 84, mozjpeg: true })
    .toBuffer();
}

export async function heroVoucher(): Promise<Buffer> {
  const body = `<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#2f4a3a"/><stop offset="1" stop-color="#17291f"/></linearGradient>${grain('n')}</defs>
    <rect width="640" height="300" fill="url(#g)"/>
    <circle cx="560" cy="40" r="130" fill="#c9a86a" opacity="0.18"/>
    <circle cx="600" cy="260" r="70" fill="#c9a86a" opacity="0.12"/>
    <g transform="translate(420 70) rotate(-8)">
      <rect width="170" height="110" rx="10" fill="#f5ecd9"/>
      <rect x="10" y="10" width="150" height="90" rx="6" fill="none" stroke="#b08a4a" stroke-width="2" stroke-dasharray="6 5"/>
      <text x="85" y="52" text-anchor="middle" font-family="${SERIF}" font-size="30" fill="#2f4a3a">€</text>
      <text x="85" y="82" text-anchor="middle" font-family="${SANS}" font-size="12" letter-spacing="3" fill="#2f4a3a">WAARDEBON</text>
    </g>
    <text x="40" y="120" font-family="${SANS}" font-size="18" letter-spacing="6" fill="#e9d9b4">SPAREN LOONT</text>
    <text x="40" y="185" font-family="${SERIF}" font-size="52" fill="#ffffff">Een cadeau</text>
    <text x="40" y="240" font-family="${SERIF}" font-size="52" font-style="italic" fill="#ffffff">voor jou</text>
    <rect width="640" height="300" filter="url(#n)"/>`;
  return sharp(svg(640, 300, body))
    .jpeg({ quality: 84, mozjpeg: true })
    .toBuffer();
}

export async function logo(): Promise<Buffer> {
  const body = `<rect width="360" height="90" fill="#ffffff"/>
    <text x="180" y="50" text-anchor="middle" font-family="${SERIF}" font-size="36" letter-spacing="4" fill="#2b2118">JOUW MODEZAAK</text>
    <rect x="120" y="62" width="120" height="2" fill="#8c4a2f"/>
    <text x="180" y="82" text-anchor="middle" font-family="${SANS}" font-size="11" letter-spacing="5" fill="#8c4a2f">MODE · SINDS 1987</text>`;
  return sharp(svg(360, 90, body))
    .png({ compressionLevel: 9, palette: true })
    .toBuffer();
}

/** BASIS: a neutral stand-in the shop replaces with its own logo. */
export async function logoPlaceholder(): Promise<Buffer> {
  const body = `<rect width="360" height="90" fill="#ffffff"/>
    <rect x="2" y="2" width="356" height="86" rx="8" fill="#f4f4f4" stroke="#bbbbbb" stroke-width="2" stroke-dasharray="8 6"/>
    <text x="180" y="55" text-anchor="middle" font-family="${SANS}" font-size="24" letter-spacing="4" fill="#888888">JOUW LOGO</text>`;
  return sharp(svg(360, 90, body))
    .png({ compressionLevel: 9, palette: true })
    .toBuffer();
}
