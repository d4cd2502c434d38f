/**
 * Text that goes into or comes out of spreadsheets. A cell that begins with =, +, -, @, a tab or a
 * carriage return can be run as a formula when the file is opened (OWASP "CSV injection"); such a
 * cell is prefixed with an apostrophe, which spreadsheets read as "this is text".
 */
export function neutraliseFormula(value: string): string {
  return startsLikeFormula(value) ? `'${value}` : value;
}

/** True when a spreadsheet could read the cell as a formula. */
export function startsLikeFormula(value: string): boolean {
  return /^[=+\-@\t\r]/.test(value);
}
