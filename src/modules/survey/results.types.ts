/** The shapes of the survey's results, shared by the results service, its exports and its views. */

/** A variable as the results pages use it: categories with labels (the last one is "no answer"). */
export interface ResultVariable {
  key: string;
  label: string;
  categories: { value: string | null; label: string }[];
  multi: boolean;
  numeric: boolean;
}

export interface Distribution {
  variable: ResultVariable;
  /** Per category (incl. "no answer"): count or null when hidden. For multiple choice: how many chose it. */
  counts: (number | null)[];
  mean: number | null;
  answered: number | null;
}

export interface CrossTab {
  rows: ResultVariable;
  cols: ResultVariable;
  filter: { variable: ResultVariable; index: number } | null;
  /** cells[r][c] incl. the margin at index length-1 ("Summe"); null = hidden. */
  cells: (number | null)[][];
}

export interface Dashboard {
  total: number;
  distributions: Distribution[];
  recruitment: { weeks: string[]; channels: ResultVariable; cells: (number | null)[][] };
}
