import type { Refusal } from './result.js';
import { INVISIBLE_FORMATTING, LINE_BREAKS, normalizeLineBreaks } from './single-line.js';

/** Control characters other than tab and line breaks have no place in names, notes or complaints. */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Collects input refusals with their field paths, so a request reports every problem at once. */
export class InputCheck {
  readonly errors: Refusal[] = [];
  constructor(private readonly root: string[] = ['input']) {}

  path(...field: (string | number)[]): string[] {
    return [...this.root, ...field.map(String)];
  }

  fail(field: (string | number)[], code: string, params?: Record<string, string | number>): void {
    this.errors.push({ code, field: this.path(...field), params });
  }

  /**
   * Trimmed text within `max` characters; returns the trimmed value. Single-line unless `multiline`
   * (then line breaks are kept, as LF); invisible bidi and zero-width characters are refused either way.
   */
  text(field: (string | number)[], value: string | null | undefined, opts: { max: number; required?: boolean; multiline?: boolean }): string | null {
    const trimmed = (opts.multiline ? normalizeLineBreaks(value ?? '') : (value ?? '')).trim();
    if (!trimmed) {
      if (opts.required) this.fail(field, 'REQUIRED');
      return null;
    }
    if (CONTROL_CHARACTERS.test(trimmed) || INVISIBLE_FORMATTING.test(trimmed) || (!opts.multiline && LINE_BREAKS.test(trimmed))) {
      this.fail(field, 'INVALID_CHARACTERS');
      return null;
    }
    if ([...trimmed].length > opts.max) {
      this.fail(field, 'TOO_LONG', { max: opts.max });
      return null;
    }
    return trimmed;
  }

  range(field: (string | number)[], value: number | null | undefined, min: number, max: number): void {
    if (value == null) return;
    if (!Number.isFinite(value) || value < min || value > max) this.fail(field, 'OUT_OF_RANGE', { min, max });
  }

  get failed(): boolean {
    return this.errors.length > 0;
  }
}
