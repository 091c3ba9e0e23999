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

/** A key as a reader reads it; an unknown key with its hyphens as spaces. */
export function keyWords(key: string): string {
  return words[key] ?? key.replaceAll('-', ' ');
}
