// The hand-written part of datasets/datapackage.json: what each dataset is, and what a reader
// must know before using it. generate.mjs adds the rest (fields, sizes, hashes, row counts).

export const dataPackage = {
  name: 'ww2-yugoslavia-casualties',
  title: 'Casualties of World War II in Yugoslavia',
  description:
    'The published figures for the dead, missing, wounded and survivors of World War II in ' +
    'Yugoslavia (1941–1945) and of the Belgrade offensive (1944), transcribed exactly from the ' +
    'documents they were read from, each row with its source, its uncertainty and the words ' +
    'its source used. The sources disagree, and they count different things: a list of named ' +
    'victims, demographic calculations of real deaths, official figures of demographic loss, ' +
    "historians' estimates, military records, encyclopedia infoboxes and a polemical article.",
  profile: 'tabular-data-package',
  licenses: [
    {
      name: 'CC-BY-SA-4.0',
      path: 'https://creativecommons.org/licenses/by-sa/4.0/',
      title:
        'Creative Commons Attribution Share-Alike 4.0: the data (the tables, their notes and ' +
        'labels, and this descriptor); see DATA-LICENSE.md',
    },
    {
      name: 'MIT',
      path: 'https://opensource.org/license/mit',
      title: "MIT: the package's code, not the data; see LICENSE",
    },
  ],
  caveats: [
    'A dash in a source table is "not reported" (qualifier not-reported, value empty), never 0.',
    'Published tables that do not add up are kept as published; their stated totals are in ' +
      'stated-totals.csv.',
    'The 1964 list counts named, registered victims only; Kočović and Žerjavić estimate real ' +
      'deaths from censuses; the 1.7 million figures are a demographic-loss estimate (deaths, ' +
      'births deficit and emigration), not counted deaths.',
    'For a range, value is the midpoint, computed here; low and high are the published bounds.',
    'For an approximate figure the source gives no interval: low and high equal value and the ' +
      'qualifier says approximate.',
    'Structure between figures: part_of names the stated total (stated-totals.csv) a row is one ' +
      'of the mutually exclusive parts of; subset_of and restates name another row of the same ' +
      "dataset whose people include this row's, or that this row mentions again. Only rows with " +
      'the same part_of may be added or stacked; a row is never added to the row it is a ' +
      'subset of or restates.',
    'precision is the unit the printed figure is rounded to; for an "about" figure, the place ' +
      'of its last non-zero digit as printed (about 850,000: 10000), the least the word can ' +
      'mean. low and high stay as published: precision is kept apart.',
    'Inferred precision: the 1000 of every figure of Kočović and Žerjavić (their tables and ' +
      'totals, and Žerjavić\'s figures by republic and for the NDH) and the 100000 of the "1.7 ' +
      'million" are inferred from how the document prints them (whole thousands; a decimal of a ' +
      'million), not from a sentence of the document: it nowhere says they were rounded. Every ' +
      'other precision rests on a word of the document ("about", "around", "some", "perhaps").',
  ],
};

/** Datasets in the order a reader meets them. */
export const resources = [
  {
    name: 'total-estimates',
    title: 'Headline totals of the war dead, by source',
    description:
      'Every total the source documents give for Yugoslavia as a whole: the 1964 list of named ' +
      'victims, the demographic calculations of Kočović and Žerjavić, the U.S. Bureau of the ' +
      'Census (1954), each dated official figure of 1945–1948, and the estimates of Meštrović, ' +
      "Vego and A'Barrow, each with the kind of estimate it is.",
    sources: [
      'yu-1964',
      'kocovic',
      'zerjavic',
      'us-census-1954',
      'yu-official',
      'mestrovic',
      'vego',
      'abarrow',
    ],
    dimensions: {
      kind:
        'the kind of source (as in sources.csv): named-list, demographic-estimate, ' +
        'official-claim, census-bureau-estimate, historian-estimate',
      date:
        'when the figure was given, as the document dates it (year, or year-month); empty ' +
        'where the document gives no date',
    },
    caveats: [
      'These totals count different things: a named list is a floor; demographic estimates ' +
        'calculate real deaths; the official 1.7 million is demographic loss (measure ' +
        'demographic-loss). Compare them only with their kind in view.',
      'Only 1,704,000 is worded "casualties" in its own sentence ("estimated the number of ' +
        'casualties to be at 1,704,000"); 1,685,000 and 1,706,000 are each called "the figure", ' +
        'in the paragraph on Vučković, who "was ordered to estimate the number of casualties ' +
        'suffered by Yugoslavia during the war": their measure casualties is read from that ' +
        'paragraph, not from their own words. For none of the three does the document say how ' +
        'it was calculated.',
      "The document mentions the 1.7 million several times (Tito in May 1945, Vučković's 1947 " +
        "calculation, Kardelj's negotiations, the 1948 submission); these may be one figure " +
        'used several times, so do not count the rows as separate claims. The three later ' +
        "mentions restate (restates) the earliest dated one, Tito's of May 1945, which the " +
        'document calls "Tito\'s figure of 1.7 million" and says "had also already been used" ' +
        'before the others; this orders the mentions by date and says nothing about who first ' +
        'calculated the figure (Vučković claims it originated with him).',
      'The article\'s opening says the toll "is usually estimated at around one million, about ' +
        'half of whom were civilians"; that sums up the estimates here and is not a row.',
    ],
  },
  {
    name: 'by-nationality',
    title: 'Victims by nationality: the 1964 list, Kočović and Žerjavić',
    description:
      "The table 'Victims by nationality': the 1964 federal list of named victims beside the " +
      'demographic calculations of Bogoljub Kočović and Vladimir Žerjavić.',
    sources: ['yu-1964', 'kocovic', 'zerjavic'],
    dimensions: {
      nationality:
        'harmonized nationality key; the source\'s word is in label (e.g. "Gypsies" → roma)',
    },
    caveats: [
      'A dash in the table (e.g. the 1964 list for Gypsies and Germans; Kočović and Žerjavić ' +
        'for Hungarians, Slovaks and Turks) is not-reported, not 0.',
      '"Muslims" means Slavic Muslims by nationality (today Bosniaks, plus Muslims of other ' +
        'republics).',
      'Each source lists different nationalities separately, so "Others" is not the same group ' +
        'in each.',
      "The 1964 list's parts add up to 596,293, not to its stated total of 597,323; the table " +
        'is kept as published (see audit).',
    ],
  },
  {
    name: 'by-location-1964',
    title: 'The 1964 list by location: deaths and survivors',
    description:
      "The table 'Casualties by location according to the 1964 Yugoslav list': the dead ('Death " +
      "toll') and the survivors ('Survived': internees and deportees the census also recorded).",
    sources: ['yu-1964'],
    dimensions: {
      region:
        'location key; "Serbia (proper)", "AP Kosovo (Serbia)" and "AP Vojvodina (Serbia)" are ' +
        'kept apart (crosswalk-region.csv groups them as Serbia)',
    },
    caveats: [
      'Serbia is split into Serbia (proper) and its two autonomous provinces; harmonize ' +
        'through crosswalk-region.csv before setting it beside republic figures.',
      'The death toll by location adds up to 597,333, ten more than the stated total of ' +
        '597,323; kept as published.',
    ],
  },
  {
    name: 'by-republic-zerjavic',
    title: "Žerjavić's losses by republic, and killed abroad",
    description: "Vladimir Žerjavić's losses of the Yugoslav republics and those killed abroad.",
    sources: ['zerjavic'],
    dimensions: { region: 'republic key, or abroad' },
    caveats: [
      'The document does not say whether "Serbia 273,000" includes Kosovo and Vojvodina.',
      "These add up to 1,017,000, 10,000 less than Žerjavić's total of 1,027,000 stated just " +
        'before them; kept as published.',
      "Never add these to the NDH figures: the NDH spanned much of today's Croatia and all of " +
        'Bosnia and Herzegovina.',
    ],
  },
  {
    name: 'by-status',
    title: 'Military, collaborator and civilian deaths',
    description:
      "The split of the war dead by status: Žerjavić's Yugoslav partisans, collaborators and " +
      "civilians; A'Barrow's soldiers and civilians.",
    sources: ['zerjavic', 'abarrow'],
    dimensions: {
      status:
        'partisan, collaborator, military or civilian (crosswalk-status.csv groups military and ' +
        'civilian)',
    },
    caveats: [
      "Žerjavić splits the military dead into partisans and collaborators; A'Barrow gives " +
        'soldiers as one figure.',
    ],
  },
  {
    name: 'slovenia-2005',
    title: 'Slovenia: the 2005 study of the Institute for Contemporary History',
    description:
      'The victims of World War II in Slovenia as set by the Institute for Contemporary History, ' +
      'Ljubljana, in its final report of 2005: the total, the post-war summary killings, the ' +
      'deaths up to May 1945, the comparison with earlier estimates, and shares by status.',
    sources: ['slovenia-2005', 'enc-ww2-yugoslavia-text'],
    dimensions: {
      status: 'partisan, civilian or slovene-home-guard',
      perpetrator: 'who killed them, where the document says',
      period: '1941-1945, 1941-to-may-1945, post-war, or 1941-1945-and-post-war',
    },
    caveats: [
      "The 89,404 is the figure of the 2005 report; the Institute's database has grown since.",
      'The shares (unit percent) are of the casualties during the war; the 82% is a share of ' +
        'the civilian casualties only.',
      'The earlier estimate of 60,000 is reported by the article without its author.',
      'The ~13,500 post-war summary killings ("The figure also includes ...") and the ~75,000 ' +
        'deaths up to May 1945 ("Even counting only the number of deaths up to May 1945") are ' +
        'subsets of the 89,404 (subset_of), never to be added to it; so are the ~4,000 civilians ' +
        'killed by the Partisans, whom "the new comprehensive research also included".',
    ],
  },
  {
    name: 'ndh-serbs',
    title: 'Žerjavić: Serbs in the NDH by status, perpetrator and cause',
    description:
      "Vladimir Žerjavić's figures for the Serbs who died in the Independent State of Croatia " +
      '(NDH): as Partisans, as Chetniks and Axis collaborators, and as civilians by perpetrator ' +
      'and cause, and in the Sajmište camp.',
    sources: ['zerjavic'],
    dimensions: {
      status:
        'partisan, chetniks-and-collaborators or civilian; empty where the document does not say',
      perpetrator: 'who killed them, where the document names one',
      cause: 'terror-and-camps, battles, typhoid, sajmiste-camp',
    },
    caveats: [
      'The document states no total for this table (stated-totals.csv records the whole, ' +
        'ndh-serbs-zerjavic, with its figure not reported).',
      'The 20,000 who died in the Sajmište camp are given as "a further" figure, after the ' +
        'civilian casualties: read as the document words it, they are a part in addition to the ' +
        'Partisans, the Chetniks and collaborators and the civilian casualties (part_of ' +
        'ndh-serbs-zerjavic, not of the civilians), so the eight parts come to 322,000. The ' +
        'document does not say who ran the camp.',
    ],
  },
  {
    name: 'ndh-croats-bosniaks',
    title: 'Žerjavić: Croats and Bosniaks by status, in the NDH and abroad',
    description:
      "Vladimir Žerjavić's structure of the war and post-war losses of Croats and Bosniaks " +
      '(including Muslims of Croatia): members of the NDH armed forces, Partisans and civilians, ' +
      'in the NDH and abroad.',
    sources: ['zerjavic'],
    dimensions: {
      nationality:
        'croats, or muslims for the document\'s "Bosniaks, including Muslims of Croatia"',
      region: 'ndh or abroad',
      status: 'ndh-armed-forces, partisan or civilian',
    },
    caveats: [
      'Three Croat figures are published as ranges ("69–71,000"); value is their midpoint.',
    ],
  },
  {
    name: 'ndh-civilians-by-perpetrator',
    title: 'Žerjavić: Croat and Bosniak civilian deaths in the NDH by perpetrator',
    description:
      "Vladimir Žerjavić's Croat and Bosniak civilian deaths in the NDH by perpetrator, and " +
      'those who died abroad.',
    sources: ['zerjavic'],
    dimensions: {
      nationality: 'croats, or muslims for the document\'s "Bosniaks"',
      region: 'ndh or abroad',
      perpetrator:
        'chetniks, ustase, partisans, german-forces, italian-forces; empty for those who died ' +
        'abroad',
    },
    caveats: [
      'The Chetniks row gives "18,000+ Croats and 20,000+ Bosniaks" for a total of 41,000: ' +
        'both parts are lower bounds.',
      'The 12,000 who "died abroad" are not part of the civilian casualties in the NDH: their ' +
        "rows are part_of ndh-civilians-abroad, the five perpetrators' totals part_of " +
        'ndh-civilians-in-ndh.',
    ],
  },
  {
    name: 'ndh-croats-goldstein',
    title: 'Goldstein: Croats on NDH territory',
    description: "Ivo Goldstein's figures for Croats killed on the territory of the NDH.",
    sources: ['goldstein'],
    dimensions: {
      nationality: 'croats',
      region: 'ndh',
      status: 'partisan, or empty where the document does not say',
      cause: 'prisons-or-camps',
    },
    caveats: ['The document does not name the work these come from.'],
  },
  {
    name: 'military-losses',
    title: 'German, Italian, NDH and Partisan military losses',
    description:
      'Military losses from every source the source documents give: the infobox of the article, ' +
      'the German casualty lists quoted by The Times in 1945, Rüdiger Overmans, and the ' +
      "article's own figures for the Italians and for the Partisans in 1945.",
    sources: [
      'enc-ww2-yugoslavia-infobox',
      'reinecke-times-1945',
      'overmans',
      'enc-ww2-yugoslavia-text',
    ],
    dimensions: {
      belligerent:
        'germany, italy, ndh, yugoslav-partisans, or not-named where the name is missing in the ' +
        'document',
      region:
        'yugoslavia or balkans (the German figures of Reinecke and Overmans cover the Balkans)',
      status: 'military or prisoner-of-war',
      period:
        'occupation, post-armistice, 1941-1945, to-1945-05-09; empty where the document gives none',
    },
    caveats: [
      'The German figures of Reinecke and Overmans are for the Balkans, not Yugoslavia alone.',
      'The infobox gives the German killed as a range, 19,235–103,693; value is its midpoint.',
      'The Italian figures appear twice, in the infobox and in the section on Italian ' +
        'casualties: both are kept, each with its source; the infobox rows restate the text rows ' +
        '(restates), so never add both.',
      "The 36,000 are the losses of Dapčević's units up to 9 May 1945, given in the article's " +
        'account of 1945; the document does not say from when they are counted.',
    ],
  },
  {
    name: 'italian-by-region',
    title: 'Italian casualties by region',
    description:
      'The casualties of the Italian army during its occupation of Yugoslavia, by region.',
    sources: ['enc-ww2-yugoslavia-text'],
    dimensions: { region: 'region key; Dalmatia is listed apart from Croatia, as in the document' },
    caveats: ['The document does not say which borders its regions use.'],
  },
  {
    name: 'belgrade-offensive',
    title: 'Belgrade offensive (1944): losses by belligerent',
    description:
      'Losses in the Belgrade offensive, September–November 1944, from the infobox of the ' +
      "encyclopedia article, the article's text, and Carl Savich's article.",
    sources: ['enc-belgrade-offensive-infobox', 'enc-belgrade-offensive-text', 'savich'],
    dimensions: {
      belligerent:
        'soviet-union, bulgaria, yugoslav-partisans, yugoslav-partisans-and-soviet-union, ' +
        "germany, or axis for the infobox's second column",
    },
    caveats: [
      "The names of the belligerents in the infobox's second column are missing in the document; " +
        'its units are Army Group F, 2nd Panzer Army, Serbian State Guard and Russian Protective ' +
        'Corps.',
      'The 3,500 is the number of remains in the Liberators of Belgrade Memorial, not a count of ' +
        'all losses.',
    ],
  },
  {
    name: 'demographic-loss',
    title: 'Demographic loss that is not war deaths',
    description:
      'The parts of the demographic loss of Yugoslavia that the article says are not war ' +
      'casualties: the reduction in births and emigration.',
    sources: ['enc-ww2-yugoslavia-text'],
    dimensions: { cause: 'births-deficit or emigration' },
    caveats: ['The article does not name who calculated these figures.'],
  },
  {
    name: 'local-incidents',
    title: 'Figures for one place, operation or massacre',
    description:
      'Figures the documents give for a single place, operation or massacre: the Istrians killed ' +
      'in a German operation of 1943, the Serbs executed at Gudovac in 1941, the share of the ' +
      'Serbs living in the NDH who were victims of a massacre, the civilians killed in Belgrade ' +
      'by American and British bombers in 1944, and the members of the Serbian Volunteer Corps ' +
      'who surrendered to the British in May 1945 (prisoners, not deaths).',
    sources: ['enc-ww2-yugoslavia-text', 'savich'],
    dimensions: {
      place: "where, as a key from the document's words (istria, gudovac, ndh, belgrade, …)",
      period:
        'when, as the document dates it: a day (1941-04-28), a span of months ' +
        '(1944-04-to-1944-05) or a year; empty where the document gives no date',
      perpetrator:
        'who killed them, as a key, where the document says or its context does (the note ' +
        'says which); empty where it names no one, and for the prisoners',
      people:
        "who is counted, as a key from the document's words: the victims (istrians, serbs, " +
        'civilians), those who surrendered (serbian-volunteer-corps-members), or, for a share ' +
        '(unit percent), the people it is a share of, its base (serbs-living-in-the-ndh)',
    },
    caveats: [
      'These are not parts of one whole: never add them to each other, nor to the figures of ' +
        'the other datasets, which may count the same people (the documents do not say).',
      'The Serbian Volunteer Corps rows count prisoners (measure prisoners: "surrendered to the ' +
        'British"), not deaths.',
      '"Approximately every sixth Serb living in the NDH" is a share with no percentage in the ' +
        'document: its value is 100 ÷ 6, computed here; its base is in the column people.',
      '"nearly 200" at Gudovac is at-most (high 200, low empty): the contract has no qualifier ' +
        'for "nearly"; the note says what that leaves out.',
      'Not rows: the massacre in Bačka ("Thousands of Serbs and Jews were massacred by ' +
        'Hungarian forces", no figure); the "some 1,700 forced laborers" liberated in Bor, the ' +
        'column "in excess of 30,000" at Poljana and the "over 400,000 refugees in Zagreb", ' +
        'which count people freed, fighting or displaced, not casualties.',
    ],
  },
];

/** What every column common to the datasets means (DATA-CONTRACT.md). */
export const commonFields = {
  id:
    'a stable id of the row, unique within the dataset (the primary key): the source, the ' +
    'dimension keys and the measure, joined by "-"',
  source: 'id of the source in sources.csv',
  measure: 'what is counted (kebab-case)',
  unit: 'persons or percent',
  value: 'the best single figure; empty where the source gives none',
  low:
    'the lowest figure the source allows; equals value for an exact figure; empty where the ' +
    'source gives none (at-most: "as many as")',
  high:
    'the highest figure the source allows; equals value for an exact figure; empty where ' +
    'unbounded',
  qualifier:
    'exact, approximate, at-least ("over"), at-most ("as many as": high is the figure, low ' +
    'empty), range, not-reported (a dash in the source) or derived (computed here)',
  label: 'the category or figure in the words of the source',
  note: 'what a careful reader needs to know about this row',
  part_of:
    'the id of the stated total (stated-totals.csv) of which this row is one of the mutually ' +
    'exclusive parts; empty if none. Only rows with the same part_of may be added or stacked',
  subset_of:
    "the id of another row of this dataset whose people include this row's (e.g. the ~13,500 " +
    "post-war killings within Slovenia's 89,404); never added to it",
  restates:
    'the id of another row of this dataset that this row mentions again (the same figure, ' +
    'another mention); never added to it',
  precision:
    'the unit the source rounded the figure to (1000: to the nearest thousand); for an "about" ' +
    'figure, the place of its last non-zero digit as printed; for Kočović and Žerjavić (1000) ' +
    'and the "1.7 million" (100000), inferred from how the document prints the figures, not ' +
    'stated by it; empty where no rounding is recorded (the figure is taken as printed)',
};

/** The structure columns (see commonFields): not dimensions. */
export const structureFields = ['id', 'part_of', 'subset_of', 'restates', 'precision'];

export const auxiliary = [
  {
    name: 'sources',
    title: 'Source registry',
    description:
      'Every work a figure comes from, with the kind of source it is and the document and ' +
      'section it was read from (cited_via).',
    fields: {
      id: 'the id used in the source column of every dataset',
      author: 'author or body that produced the figures; empty where the document names none',
      title: 'title of the work; empty where the document does not name it',
      year: 'year of the work',
      publisher: 'publisher',
      kind:
        'named-list, demographic-estimate, official-claim, census-bureau-estimate, ' +
        'historian-estimate, military-records, encyclopedia-infobox, encyclopedia-text (figures ' +
        'an encyclopedia article gives without naming who produced them) or polemical-article',
      cited_via: 'the source document and section the figures were read from',
      note: 'what the source is and what it counts',
    },
    enums: ['kind'],
    primaryKey: ['id'],
  },
  {
    name: 'stated-totals',
    title: 'Totals the sources state',
    description:
      'Every total a source states for one of its tables, so that the sum of the parts can be ' +
      'checked against it; and every whole a source presents in parts without stating its figure ' +
      '(value empty, qualifier not-reported), so that its parts can be told apart from other ' +
      'figures.',
    fields: {
      id: 'a stable id of the total, the part_of of the rows that are its parts',
      dataset: 'the dataset whose rows the total sums',
      source: 'the source whose rows the total sums',
      scope: 'which rows: key=value pairs joined by ";" (empty: all rows of the source)',
      measure: 'what the total counts',
      parts: 'the measures of the rows that add up to it, joined by "|" (empty: the same measure)',
      unit: commonFields.unit,
      value: 'the stated total',
      low: 'the lowest figure the source allows',
      high: 'the highest figure the source allows',
      qualifier: 'as in the datasets',
      label: 'the total in the words of the source',
      note: 'where the total is stated',
      part_of:
        'the id of another stated total of which this total is one of the mutually exclusive ' +
        'parts; empty if none',
      precision: commonFields.precision,
    },
    enums: ['dataset', 'source', 'measure', 'unit', 'qualifier'],
    primaryKey: ['id'],
    foreignKeys: [
      { fields: 'source', reference: { resource: 'sources', fields: 'id' } },
      { fields: 'part_of', reference: { resource: '', fields: 'id' } },
    ],
  },
  ...['nationality', 'region', 'status'].map((dimension) => ({
    name: `crosswalk-${dimension}`,
    title: `Crosswalk of ${dimension} categories`,
    description:
      `How each source's ${dimension} category maps to the package's key and to a group ` +
      "for comparing sources, and where two sources' categories are not the same thing.",
    fields: {
      dataset: 'the dataset',
      source: 'the source',
      term: 'the category in the words of the source',
      key: `the ${dimension} key used in the dataset`,
      group: 'the group to compare across sources',
      comparability: 'same, or partial where the category is not quite the group (see note)',
      note: 'how the category differs',
    },
    enums: ['dataset', 'source', 'comparability'],
    primaryKey: ['dataset', 'source', 'key'],
    foreignKeys: [{ fields: 'source', reference: { resource: 'sources', fields: 'id' } }],
  })),
];
