// How far apart are the estimates? Run after `npm run build`: node examples/compare.mjs
//
// 1. Kočović and Žerjavić by nationality: the difference for each nationality, and how well
//    their rankings agree.
// 2. The 1964 list beside Žerjavić by republic, after adding the 1964 list's Serbia (proper),
//    Kosovo and Vojvodina into Serbia.
// 3. The balance across tables: each estimate of deaths + the births deficit + emigration, against
//    the demographic loss of 1.7 million.
//
// Kinds of source matter: the 1964 list is a named list (a floor: only those registered),
// Kočović and Žerjavić are demographic estimates of real deaths.
import { from } from 'arquero';
import {
  agreement,
  balance,
  compare,
  harmonize,
  load,
  rollup,
  sources,
} from 'ww2-yugoslavia-casualties';

const number = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const fixed = (x, digits = 2) => (x === null ? '–' : x.toFixed(digits));
const count = (x) => (x === null ? '–' : number.format(x));
const signed = (x) => (x === null ? '–' : (x > 0 ? '+' : '') + number.format(x));
const show = (rows) => console.log(from(rows).toMarkdown() + '\n');

const kinds = new Map(
  sources()
    .objects()
    .map((s) => [s.id, s.kind]),
);
const who = (id) => `${id} (${kinds.get(id)})`;

// 1. Kočović against Žerjavić, by nationality ------------------------------------------------
const twoEstimates = load('by-nationality').filter((d) => d.source !== 'yu-1964');
const side = compare(twoEstimates, { by: 'nationality', baseline: 'zerjavic' }).objects();
const kocovic = side.filter((r) => r.source === 'kocovic');
const zerjavic = new Map(
  side.filter((r) => r.source === 'zerjavic').map((r) => [r.nationality, r]),
);

console.log(`## ${who('kocovic')} against ${who('zerjavic')}, by nationality\n`);
show(
  kocovic.map((k) => {
    const z = zerjavic.get(k.nationality);
    return {
      nationality: `${k.nationality}${k.label && k.label !== z.label ? ` (${k.label})` : ''}`,
      Kočović: count(k.value),
      Žerjavić: count(z.value),
      'Kočović − Žerjavić': signed(k.difference),
      'Kočović / Žerjavić': fixed(k.ratio),
      'rank K': k.rank ?? '–',
      'rank Ž': z.rank ?? '–',
    };
  }),
);

const pair = agreement(twoEstimates, { by: 'nationality' }).object();
const top = (rows) =>
  rows
    .filter((r) => r.rank !== null && r.rank <= 3)
    .sort((a, b) => a.rank - b.rank)
    .map((r) => r.nationality)
    .join(', ');
const neither = kocovic
  .filter((k) => !k.reported && !zerjavic.get(k.nationality).reported)
  .map((k) => k.nationality);
const [totalK, totalZ] = rollup(twoEstimates).objects();
console.log(
  `Sums of the rows: Kočović ${count(totalK.value)}, Žerjavić ${count(totalZ.value)} (${signed(totalK.value - totalZ.value)}).\n` +
    `Over the ${pair.n} nationalities both report, they differ by ${count(pair.mean_abs_difference)} on average ` +
    `(mean absolute difference); Pearson r = ${fixed(pair.pearson, 3)} (95% interval, Fisher's z: ` +
    `${fixed(pair.pearson_low, 3)}–${fixed(pair.pearson_high, 3)}), Spearman ρ = ${fixed(pair.spearman, 3)}.\n` +
    `Correlation is not agreement: Lin's concordance (1 only where the figures are equal) is ` +
    `${fixed(pair.concordance, 3)}; Kočović / Žerjavić is ${fixed(Math.exp(pair.log_ratio_mean))} on a typical ` +
    `nationality (geometric mean), and 95% of nationalities fall between ×${fixed(pair.ratio_lower)} and ` +
    `×${fixed(pair.ratio_upper)} (Bland–Altman limits on the log ratios; sd of ln ratio ${fixed(pair.log_ratio_sd, 3)}).\n` +
    `Three largest: Kočović ${top(kocovic)}; Žerjavić ${top([...zerjavic.values()])}.\n` +
    `Reported by only one of them (left out): ${pair.excluded}; by neither (dashes, never 0): ${neither.join(', ')}.\n`,
);

// 2. The 1964 list against Žerjavić, by republic ---------------------------------------------
const list1964 = harmonize(
  load('by-location-1964').filter((d) => d.measure === 'deaths'),
  { dimension: 'region' },
);
const republics = harmonize(load('by-republic-zerjavic'), { dimension: 'region' });
const byRegion = compare(list1964.concat(republics), {
  by: 'region',
  baseline: 'zerjavic',
}).objects();
const warnings = new Map();
for (const r of list1964.concat(republics).objects())
  if (r.warning) warnings.set(`${r.source} ${r.region}`, r.warning);

console.log(
  `## ${who('yu-1964')} against ${who('zerjavic')}, by republic (the 1964 list's Serbia harmonized)\n`,
);
const regions = [...new Set(byRegion.map((r) => r.region))];
show(
  regions.map((region) => {
    const list = byRegion.find((r) => r.region === region && r.source === 'yu-1964');
    const z = byRegion.find((r) => r.region === region && r.source === 'zerjavic');
    return {
      region,
      '1964 list': count(list.value),
      Žerjavić: count(z.value),
      '1964 − Žerjavić': signed(list.difference),
      '1964 / Žerjavić': fixed(list.ratio),
      '1964 list figure':
        list.qualifier === null
          ? 'no such category'
          : list.qualifier === 'derived'
            ? `sum of ${list.label}`
            : `as published (${list.qualifier})`,
    };
  }),
);
console.log('Warnings (categories that are not quite the same thing):');
for (const [where, warning] of warnings) console.log(`- ${where}: ${warning}`);
console.log(
  '\n"unknown" (1964 list) and "abroad" (Žerjavić) have no counterpart in the other source; they are shown as missing, not 0.',
);

// 3. The balance across tables ---------------------------------------------------------------
const balanceRows = balance().objects();
const first = balanceRows[0];
const approx = (q) => (q === 'approximate' ? '~' : '');
const interval = (low, high) => (low === high ? '' : ` (${signed(low)} to ${signed(high)})`);
console.log(
  `\n## Deaths + births deficit + emigration against the demographic loss of ${count(first.loss)} (${who(first.loss_source)})\n`,
);
show(
  balanceRows.map((r) => ({
    deaths: who(r.deaths_source),
    'deaths figure':
      r.deaths_qualifier === 'range'
        ? `${count(r.deaths_low)}–${count(r.deaths_high)}`
        : count(r.deaths),
    '+ births deficit': count(r.births_deficit),
    '+ emigration': `${approx(r.emigration_qualifier)}${count(r.emigration)}`,
    '= parts': `${r.approximate ? '~' : ''}${count(r.parts)}`,
    'parts − loss': `${signed(r.gap)}${interval(r.gap_low, r.gap_high)}`,
  })),
);
console.log(
  'The births deficit and emigration come from the encyclopedia article, which does not name who calculated them; ' +
    'the intervals come from how each source rounded ("1.7 million", "about 660,000"). The gap says how far the ' +
    'published figures fit together, not which is right.',
);
