/** Wall-clock times in Europe/Berlin for the editors' date fields (pure). */

const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** "YYYY-MM-DDTHH:MM" in Berlin for an instant (the value of a datetime-local field). */
export function toBerlinLocal(at: Date): string {
  const p = Object.fromEntries(parts.formatToParts(at).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/** The instant of a Berlin wall-clock time "YYYY-MM-DDTHH:MM" (or a date alone, meaning 00:00); null when malformed. */
export function fromBerlinLocal(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?$/.exec(value.trim());
  if (!match) return null;
  const [, y, mo, d, h = '00', mi = '00'] = match;
  const wanted = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi));
  if (Number.isNaN(wanted) || new Date(wanted).getUTCDate() !== Number(d) || new Date(wanted).getUTCMonth() !== Number(mo) - 1 || Number(h) > 23 || Number(mi) > 59) return null;
  // Berlin is UTC+1 or UTC+2: guess, then correct by the offset seen at the guess.
  let guess = wanted - 3600_000;
  for (let i = 0; i < 2; i++) {
    const seen = Date.parse(`${toBerlinLocal(new Date(guess))}:00Z`);
    guess += wanted - seen;
  }
  return new Date(guess);
}

/** The calendar date in Berlin, YYYY-MM-DD. */
export const berlinDay = (at: Date): string => toBerlinLocal(at).slice(0, 10);
