// How charts write the package's keys for a reader: "german-forces" → "German forces".

const words: Record<string, string> = {
  ustase: 'Ustaše',
  chetniks: 'Chetniks',
  partisans: 'Partisans',
  partisan: 'Partisans',
  'german-forces': 'German forces',
  'italian-forces': 'Italian forces',
  'yugoslav-communist-authorities': 'Yugoslav communist authorities',
  'axis-or-slovene-home-guard': 'Axis powers or Slovene home guard',
  'slovene-home-guard': 'Slovene home guard',
  'ndh-armed-forces': 'NDH armed forces',
  'chetniks-and-collaborators': 'Chetniks and Axis collaborators',
  collaborator: 'collaborators',
  civilian: 'civilians',
  military: 'military',
  croats: 'Croats',
  muslims: 'Muslims (Bosniaks)',
  ndh: 'NDH',
  abroad: 'abroad',
  germany: 'Germany',
  italy: 'Italy',
  'yugoslav-partisans': 'Yugoslav Partisans',
  'not-named': 'belligerent not named',
  'soviet-union': 'Soviet Union',
  bulgaria: 'Bulgaria',
  axis: 'Axis side (names not given)',
  'yugoslav-partisans-and-soviet-union': 'Partisans and Red Army',
  'prisoner-of-war': 'prisoners of war',
  'serbs-living-in-the-ndh': 'Serbs living in the NDH',
  'serbian-volunteer-corps-members': 'Serbian Volunteer Corps members',
  'american-and-british-bombers': 'American and British bombers',
  'sajmiste-camp': 'Sajmište camp',
};

/** How a chart names a period that sets its figures apart ("to 9 May 1945"). */
export const periodWords: Readonly<Record<string, string>> = Object.freeze({
  'post-armistice': 'after the armistice',
  'to-1945-05-09': 'to 9 May 1945',
  occupation: 'during the occupation',
  '1941-1945': '1941–1945',
  '1941-1945-and-post-war': '1941–1945 and after the war',
  '1941-to-may-1945': '1941 to May 1945',
  'post-war': 'after the war',
});

/** How a chart names an area that sets its figures apart ("the Balkans"). */
export const placeWords: Readonly<Record<string, string>> = Object.freeze({
  balkans: 'the Balkans',
  yugoslavia: 'Yugoslavia',
});

/** A key as a reader reads it; an unknown key with its hyphens as spaces. */
export function keyWords(key: string): string {
  return words[key] ?? key.replaceAll('-', ' ');
}

/** The package's own word for a key, if it has one (`undefined` for a key it does not know). */
export function knownWords(key: string): string | undefined {
  return Object.hasOwn(words, key) ? words[key] : undefined;
}

const months = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** A month by its number (1–12), or its short form for a chart's labels ("Aug.", "Sept."). */
function month(m: number, short: boolean): string | undefined {
  const name = months[m - 1];
  if (!name || !short || name.length <= 5) return name;
  return `${name.slice(0, name === 'September' ? 4 : 3)}.`;
}

/** One date: `1941-04-28` → "28 April 1941", `1945-05` → "May 1945", `1946` → "1946". */
function oneDate(text: string, short: boolean): string | undefined {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
  if (!m) return undefined;
  const name = m[2] ? month(Number(m[2]), short) : '';
  if (name === undefined) return undefined;
  return [m[3] ? String(Number(m[3])) : '', name, m[1]].filter(Boolean).join(' ');
}

/**
 * A date or period key as a reader reads it: `1941-04-28` → "28 April 1941", `1945-05` → "May
 * 1945", `1944-04-to-1944-05` → "April 1944 to May 1944", `to-1945-05-09` → "to 9 May 1945",
 * `1941-1945` → "1941–1945"; anything else `undefined`. With `short`, long month names are cut
 * for a chart's labels ("Aug. 1945").
 *
 * @example
 * dateWords('to-1945-05-09'); // => 'to 9 May 1945'
 * dateWords('1945-08', { short: true }); // => 'Aug. 1945'
 */
export function dateWords(text: string, { short = false } = {}): string | undefined {
  const years = /^(\d{4})-(\d{4})$/.exec(text);
  if (years) return `${years[1]}–${years[2]}`;
  const period = /^(?:(.+)-)?to-(.+)$/.exec(text);
  if (period) {
    const start = period[1] === undefined ? '' : oneDate(period[1], short);
    const end = oneDate(period[2]!, short);
    if (start === undefined || end === undefined) return undefined;
    return start ? `${start} to ${end}` : `to ${end}`;
  }
  return oneDate(text, short);
}

const legendWords: Record<string, string> = {
  status: 'Status of the dead',
  perpetrator: 'Killed by',
  nationality: 'Nationality',
  cause: 'Cause of death',
  region: 'Where',
  belligerent: 'Belligerent',
  measure: 'Measure',
  source: 'Source',
  period: 'When',
};

/** A column as a legend's title names it, in words ("Killed by", not `perpetrator`). */
export function legendTitle(column: string): string {
  return capitalized(legendWords[column] ?? keyWords(column));
}

/**
 * Words as a heading or a sentence starts them: the first letter capitalised, the rest as it is.
 *
 * @example
 * capitalized('named victims by nationality'); // => 'Named victims by nationality'
 */
export function capitalized(text: string): string {
  return text.length > 0 ? `${text[0]!.toUpperCase()}${text.slice(1)}` : text;
}
