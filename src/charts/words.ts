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
};

/** How a chart names a period that sets its figures apart ("to 9 May 1945"). */
export const periodWords: Readonly<Record<string, string>> = Object.freeze({
  'post-armistice': 'after the armistice',
  'to-1945-05-09': 'to 9 May 1945',
  occupation: 'during the occupation',
  '1941-1945': '1941–1945',
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
  const w = legendWords[column] ?? keyWords(column);
  return `${w[0]!.toUpperCase()}${w.slice(1)}`;
}
