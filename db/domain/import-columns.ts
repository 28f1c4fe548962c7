/** The fields an imported history file may hold, one column each (db/import/headers.ts maps them). */
export const IMPORT_FIELDS = ['code', 'name', 'quarter', 'category', 'categoryText', 'reason', 'reasonText', 'note'] as const;
export type Field = (typeof IMPORT_FIELDS)[number];

/** The header a user is told to add when a field is missing; the import page's help names the same. */
export const DANISH_HEADER: Record<Field, string> = {
  code: 'kommunekode',
  name: 'kommune',
  quarter: 'kvartal',
  category: 'kategori',
  categoryText: 'kategori_tekst',
  reason: 'årsag',
  reasonText: 'årsagstekst',
  note: 'note',
};
