/**
 * A cell's number as a Dutch Excel shows it, from the cell's number format: `€ 12,50`,
 * `17-05-1980`, `1.234`, `15%`. Covers the formats shop exports use (General, fixed decimals,
 * thousands, currency, percent, dates and times); exceljs reads formats but does not apply them,
 * and SheetJS's SSF would be a second spreadsheet library for this one job.
 */
export function formatExcelNumber(value: number, format: string | undefined): string {
  if (!Number.isFinite(value)) return '';
  const sections = splitSections(format ?? 'General');
  let section = sections[0]!;
  let number = value;
  if (value < 0 && sections[1] !== undefined) {
    section = sections[1];
    number = -value;
  } else if (value === 0 && sections[2] !== undefined) section = sections[2];
  const code = cleanCode(section);
  if (code === '' || /^general$/i.test(code.trim())) return general(number);
  if (code.trim() === '@') return general(number);
  if (isDateCode(code)) return formatDate(excelDate(number), code);
  return formatNumberCode(number, code);
}

/** A date as the sheet shows it (exceljs gives dates of date-formatted cells as Date). */
export function formatExcelDate(date: Date, format: string | undefined): string {
  if (Number.isNaN(date.getTime())) return '';
  const code = cleanCode(splitSections(format ?? '')[0] ?? '');
  return formatDate(date, isDateCode(code) ? code : 'dd-mm-yyyy');
}

/** Excel's General: no float noise (0.1 + 0.2 shows 0,3), whole numbers in full (barcodes). */
function general(value: number): string {
  const text = Number.isInteger(value) ? value.toFixed(0) : String(Number(value.toPrecision(15)));
  return text.replace('.', ',');
}

/**
 * Excel's built-in short date (format 14, and 22 with a time) follows the computer's region: a
 * Dutch Excel shows it as a Dutch date, whatever American code the file names for it.
 */
const REGIONAL: Record<string, string> = {
  'mm-dd-yy': 'dd-mm-yyyy',
  'm/d/yy': 'dd-mm-yyyy',
  'm/d/yyyy': 'dd-mm-yyyy',
  'm/d/yy h:mm': 'dd-mm-yyyy hh:mm',
  'm/d/yy hh:mm': 'dd-mm-yyyy hh:mm',
};

function splitSections(format: string): string[] {
  format = REGIONAL[format.toLowerCase()] ?? format;
  const sections: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < format.length; i += 1) {
    const ch = format[i]!;
    if (ch === '"') quoted = !quoted;
    if (ch === '\\' && !quoted) {
      current += ch + (format[i + 1] ?? '');
      i += 1;
      continue;
    }
    if (ch === ';' && !quoted) {
      sections.push(current);
      current = '';
    } else current += ch;
  }
  sections.push(current);
  return sections;
}

/** `[$€-413]` becomes €; colours, conditions and locale tags go; `_x` is a space, `*x` nothing. */
function cleanCode(code: string): string {
  return code
    .replace(/\[\$([^\]-]*)(-[0-9a-f]+)?\]/gi, (_, symbol: string) => symbol)
    .replace(/\[[^\]]*\]/g, '')
    .replace(/_./g, ' ')
    .replace(/\*./g, '');
}

/** Date tokens outside quoted text. */
function isDateCode(code: string): boolean {
  return /[dmyhs]/i.test(code.replace(/"[^"]*"/g, '').replace(/\\./g, ''));
}

/** Serial day numbers count from 30 December 1899 (Excel's 1900 leap-year bug included). */
function excelDate(serial: number): Date {
  return new Date(Math.round((serial - 25569) * 86400 * 1000));
}

const MONTHS = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
];
const DAYS = ['zondag', 'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag'];

/** Excel dates have no time zone: read in UTC, as written. */
function formatDate(date: Date, code: string): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const tokens = /"[^"]*"|\\.|yyyy|yy|mmmm|mmm|mm|m|dddd|ddd|dd|d|hh|h|ss|s|am\/pm|./gi;
  let out = '';
  let afterHour = false;
  for (const [token] of code.matchAll(tokens)) {
    const lower = token.toLowerCase();
    const hours = date.getUTCHours();
    switch (lower) {
      case 'yyyy':
        out += date.getUTCFullYear();
        break;
      case 'yy':
        out += pad(date.getUTCFullYear() % 100);
        break;
      case 'mmmm':
        out += MONTHS[date.getUTCMonth()];
        break;
      case 'mmm':
        out += MONTHS[date.getUTCMonth()]!.slice(0, 3);
        break;
      case 'mm':
      case 'm': {
        // After an hour, m is minutes.
        const n = afterHour ? date.getUTCMinutes() : date.getUTCMonth() + 1;
        out += lower === 'mm' ? pad(n) : String(n);
        break;
      }
      case 'dddd':
        out += DAYS[date.getUTCDay()];
        break;
      case 'ddd':
        out += DAYS[date.getUTCDay()]!.slice(0, 2);
        break;
      case 'dd':
        out += pad(date.getUTCDate());
        break;
      case 'd':
        out += date.getUTCDate();
        break;
      case 'hh':
        out += pad(hours);
        break;
      case 'h':
        out += hours;
        break;
      case 'ss':
        out += pad(date.getUTCSeconds());
        break;
      case 's':
        out += date.getUTCSeconds();
        break;
      case 'am/pm':
        out += hours < 12 ? 'AM' : 'PM';
        break;
      default:
        out += literal(token);
    }
    if (lower === 'h' || lower === 'hh') afterHour = true;
    else if (/^[dy]/.test(lower)) afterHour = false;
  }
  return out;
}

function literal(token: string): string {
  if (token.startsWith('"')) return token.slice(1, -1);
  if (token.startsWith('\\')) return token.slice(1);
  return token;
}

/** Fixed decimals, thousands, percent and literal text, with Dutch separators. */
function formatNumberCode(value: number, code: string): string {
  const unquoted = code.replace(/"[^"]*"|\\./g, (m) => '\u0000'.repeat(m.length));
  const first = unquoted.search(/[0#?]/);
  if (first === -1) return literalText(code);
  let last = first;
  for (let i = first; i < unquoted.length; i += 1) if (/[0#?.,]/.test(unquoted[i]!)) last = i;
  const pattern = unquoted.slice(first, last + 1);
  const percent = unquoted.includes('%');
  const scaled = percent ? value * 100 : value;
  const dot = pattern.indexOf('.');
  const decimals = dot === -1 ? 0 : pattern.slice(dot + 1).replace(/[^0#?]/g, '').length;
  const grouped = /[0#?],[0#?]/.test(pattern);
  const [whole, fraction] = Math.abs(scaled).toFixed(decimals).split('.');
  const minimumWhole = dot === -1 ? pattern : pattern.slice(0, dot);
  // 0000000000 keeps a phone number's or barcode's leading zeros: one digit at least per 0.
  const padded = whole!.padStart(minimumWhole.replace(/[^0]/g, '').length, '0');
  const wholeText = grouped ? padded.replace(/\B(?=(\d{3})+(?!\d))/g, '.') : padded;
  const digits = wholeText === '0' && !minimumWhole.includes('0') ? '' : wholeText;
  const numberText = (scaled < 0 ? '-' : '') + digits + (fraction ? `,${fraction}` : '');
  return (
    literalText(code.slice(0, first)) +
    numberText +
    literalText(code.slice(last + 1))
  ).trim();
}

function literalText(part: string): string {
  return part.replace(/"([^"]*)"|\\(.)/g, (_, quoted: string | undefined, escaped: string) =>
    quoted !== undefined ? quoted : escaped,
  );
}
