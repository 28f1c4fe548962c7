/** A file as rows of text cells, each with the line it starts on (the header is normally line 1). */
export interface TableRow {
  line: number;
  cells: string[];
}

export type FileFormat = 'csv' | 'xlsx';
