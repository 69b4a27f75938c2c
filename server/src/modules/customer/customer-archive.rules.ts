import { ArchiveField } from './customer-archive.enums.js';

/** What completeness looks at: the archive fields of one customer. */
export interface ArchiveValues {
  idNumber?: string | null;
  occupation?: string | null;
  address?: string | null;
  interests?: readonly string[] | null;
  birthday?: string | null;
  lunarBirthday?: unknown;
  preferredChannel?: string | null;
  preferredContactTime?: string | null;
  source?: string | null;
}

const PRESENT: Record<ArchiveField, (c: ArchiveValues) => boolean> = {
  [ArchiveField.ID_NUMBER]: (c) => !!c.idNumber,
  [ArchiveField.OCCUPATION]: (c) => !!c.occupation,
  [ArchiveField.ADDRESS]: (c) => !!c.address,
  [ArchiveField.INTERESTS]: (c) => (c.interests?.length ?? 0) > 0,
  [ArchiveField.BIRTHDAY]: (c) => !!c.birthday,
  [ArchiveField.LUNAR_BIRTHDAY]: (c) => c.lunarBirthday != null,
  [ArchiveField.PREFERRED_CHANNEL]: (c) => !!c.preferredChannel,
  [ArchiveField.PREFERRED_CONTACT_TIME]: (c) => !!c.preferredContactTime,
  [ArchiveField.SOURCE]: (c) => !!c.source,
};

/** R-ARC-4: the required fields the archive lacks, in the order of the requirement. */
export const missingFields = (c: ArchiveValues, required: readonly ArchiveField[]): ArchiveField[] => required.filter((f) => !PRESENT[f](c));

/** The SQL condition "field present" per field, for counting completeness in the database (column names of `customer`). */
export const PRESENT_SQL: Record<ArchiveField, string> = {
  [ArchiveField.ID_NUMBER]: `coalesce(c.id_number, '') <> ''`,
  [ArchiveField.OCCUPATION]: `coalesce(c.occupation, '') <> ''`,
  [ArchiveField.ADDRESS]: `coalesce(c.address, '') <> ''`,
  [ArchiveField.INTERESTS]: `cardinality(c.interests) > 0`,
  [ArchiveField.BIRTHDAY]: `c.birthday is not null`,
  [ArchiveField.LUNAR_BIRTHDAY]: `c.lunar_birthday is not null`,
  [ArchiveField.PREFERRED_CHANNEL]: `c.preferred_channel is not null`,
  [ArchiveField.PREFERRED_CONTACT_TIME]: `coalesce(c.preferred_contact_time, '') <> ''`,
  [ArchiveField.SOURCE]: `c.source is not null`,
};

/** A lunar date: month 1–12, day 1–30; `leap` for the intercalary month. Which years have which leap month is the calendar's business when a greeting is scheduled. */
export const isValidLunarDate = (d: { month: number; day: number }): boolean => Number.isInteger(d.month) && Number.isInteger(d.day) && d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= 30;

/** A real calendar date YYYY-MM-DD, not after `today` (a birthday). */
export function isValidBirthday(value: string, today: Date): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.getUTCFullYear() >= 1900 && date.toISOString().slice(0, 10) === value && date.getTime() <= today.getTime();
}

/** The default requirement: what the store needs to serve and care for a customer. */
export const DEFAULT_REQUIRED: readonly ArchiveField[] = [ArchiveField.BIRTHDAY, ArchiveField.ADDRESS, ArchiveField.PREFERRED_CHANNEL, ArchiveField.SOURCE];
export const DEFAULT_DEADLINE_DAYS = 2;
