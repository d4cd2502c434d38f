/**
 * Reading indicator values as people type them: numbers in the writer's own convention ("1,234.5",
 * "1.234,5", "1 234,5"), a unit after the number only when it is the indicator's, a year that has
 * come. Each problem is a catalogue key; nothing typed is dropped without one.
 */

export type ParsedNumber = { ok: true; value: number } | { ok: false; error: 'number' | 'unit' };

/** The largest magnitude a value may have: beyond it, a typing mistake rather than a figure. */
export const MAX_VALUE = 1e12;

/** What a unit may be written with: letters, figures, spaces and the signs of measures. */
export const isUnit = (unit: string): boolean =>
  unit.length > 0 && unit.length <= 60 && /^[\p{L}\p{N} %‰€$£¥/.,'’()²³°+-]+$/u.test(unit);

const separators = (locale: string) => {
  const parts = new Intl.NumberFormat(locale).formatToParts(12345.6);
  return {
    group: parts.find((part) => part.type === 'group')?.value ?? ',',
    decimal: parts.find((part) => part.type === 'decimal')?.value ?? '.',
  };
};

const SPACES = /[\s\u00a0\u202f']/g;

/** The unit as written, folded for comparison: "per 10,000 inhabitants" = "Per 10 000 inhabitants". */
const foldUnit = (unit: string) => unit.toLowerCase().replace(/[\s\u00a0\u202f.,']/g, '');

/**
 * A number typed in `locale`'s convention (or the other one, when it cannot be mistaken), with an
 * optional unit after it that must be `unit`.
 */
export function parseValue(text: string, locale: string, unit: string): ParsedNumber {
  const match = /^\s*([-+\u2212]?[\d\s\u00a0\u202f.,']*\d)\s*(.*?)\s*$/u.exec(text);
  if (!match) return { ok: false, error: 'number' };
  const [, digits = '', rest = ''] = match;
  if (rest !== '' && foldUnit(rest) !== foldUnit(unit)) {
    // A word after the number is a unit that is not the indicator's; anything else is not a number.
    return /^\p{L}|^[%‰€$£¥]/u.test(rest)
      ? { ok: false, error: 'unit' }
      : { ok: false, error: 'number' };
  }
  const { group, decimal } = separators(locale);
  let plain = digits.replace('\u2212', '-').replace(SPACES, '');
  const commas = (plain.match(/,/g) ?? []).length;
  const dots = (plain.match(/\./g) ?? []).length;
  if (commas > 0 && dots > 0) {
    // Both: the last one is the decimal separator.
    const decimalMark = plain.lastIndexOf(',') > plain.lastIndexOf('.') ? ',' : '.';
    const groupMark = decimalMark === ',' ? '.' : ',';
    plain = plain.split(groupMark).join('').replace(decimalMark, '.');
  } else if (commas + dots > 0) {
    const mark = commas > 0 ? ',' : '.';
    const count = commas + dots;
    const after = plain.length - plain.lastIndexOf(mark) - 1;
    // Repeated, or the locale's group separator before exactly three digits: thousands.
    const grouping =
      count > 1 || (mark === group.replace(SPACES, '') && after === 3 && mark !== decimal);
    if (grouping) {
      // Thousands come in threes: "1,234,567", never "12,,5" or "1,23".
      const [head = '', ...groups] = plain.replace(/^[-+]/, '').split(mark);
      if (!/^\d{1,3}$/.test(head) || groups.some((part) => !/^\d{3}$/.test(part)))
        return { ok: false, error: 'number' };
      plain = plain.split(mark).join('');
    } else plain = plain.replace(mark, '.');
  }
  if (!/^[-+]?\d+(\.\d+)?$/.test(plain)) return { ok: false, error: 'number' };
  const value = Number(plain);
  return Number.isFinite(value) && Math.abs(value) <= MAX_VALUE
    ? { ok: true, value }
    : { ok: false, error: 'number' };
}

/** The error of a year as typed, or null: a whole year from 1900 up to the current one. */
export function yearProblem(text: string, now: Date): 'year' | 'yearFuture' | null {
  if (!/^\s*\d{4}\s*$/.test(text)) return 'year';
  const year = Number(text);
  if (year < 1900) return 'year';
  return year > now.getUTCFullYear() ? 'yearFuture' : null;
}

/** The error of a date as typed (YYYY-MM-DD), or null: a real day, not after today. */
export function dateProblem(text: string, now: Date): 'date' | 'dateFuture' | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return 'date';
  const day = new Date(`${text}T00:00:00Z`);
  if (Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== text) return 'date';
  return day.getTime() > now.getTime() ? 'dateFuture' : null;
}
